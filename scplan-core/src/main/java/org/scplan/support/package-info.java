/**
 * Ground-level helpers (collection copies, atomic file writes, CSV text, edit distance, message
 * sentences, the heap governor of scplan's own processes) that import nothing of scplan's domain:
 * not API, may change in any release.
 */
package org.scplan.support;
