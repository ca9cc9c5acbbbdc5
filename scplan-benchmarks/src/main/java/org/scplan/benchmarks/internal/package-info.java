/** Benchmark tools that use OR-Tools directly: other engines on scplan's model. */
package org.scplan.benchmarks.internal;
