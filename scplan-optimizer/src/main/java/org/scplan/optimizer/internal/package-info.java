/**
 * The CP-SAT model and its solve loop. Not API: the only package of scplan that touches OR-Tools
 * types, so that an OR-Tools upgrade never changes scplan's public surface.
 */
package org.scplan.optimizer.internal;
