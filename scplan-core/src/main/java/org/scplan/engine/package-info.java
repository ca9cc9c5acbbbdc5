/**
 * The engine shared by the allocators: not API, may change in any release. {@link
 * org.scplan.engine.LimitRows} states every limit once, as rows over funding candidates.
 */
package org.scplan.engine;
