/**
 * Internal machinery shared by the allocators: not API, may change in any release. Nothing outside
 * scplan should import this package.
 */
package org.scplan.engine;
