/**
 * Ground-level helpers (collection copies, atomic file writes, CSV text, edit distance, message
 * sentences) that import nothing of scplan's domain: not API, may change in any release.
 */
package org.scplan.support;
