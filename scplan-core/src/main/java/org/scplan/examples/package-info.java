/**
 * Ready-made scenarios that ship with the library. {@link org.scplan.examples.NotionalTheater} is
 * the notional multi-command theater that {@code scplan solve} plans when it is given no file:
 * every partner in it is invented (the DSCU planning chapter's "Bandaria" and others), while the
 * programs follow the public rules of the real authorities (10 U.S.C. 333, 332 and 284, OHDACA,
 * IMET, FMF, PKO/GPOI, NADR).
 */
package org.scplan.examples;
