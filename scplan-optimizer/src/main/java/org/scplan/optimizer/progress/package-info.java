/**
 * What a running solve tells its caller without exposing OR-Tools: {@link
 * org.scplan.optimizer.progress.ProgressEvent}s through a {@link
 * org.scplan.optimizer.progress.ProgressListener}, and {@link
 * org.scplan.optimizer.progress.NativeLibraryException} when the native solver cannot load. Below
 * both the {@code Allocator} facade and the internal solve that reports through it.
 */
package org.scplan.optimizer.progress;
