/**
 * The engine shared by the allocators: not API, may change in any release; nothing outside scplan
 * should import this package. {@link org.scplan.engine.LimitRows} states every limit once, as rows
 * over funding candidates.
 */
package org.scplan.engine;
