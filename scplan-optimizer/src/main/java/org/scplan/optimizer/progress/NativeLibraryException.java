package org.scplan.optimizer.progress;

/**
 * The OR-Tools native library could not be loaded on this platform; the message names the platform
 * and the Maven artifact that provides it.
 */
public class NativeLibraryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NativeLibraryException(String message, Throwable cause) {
    super(message, cause);
  }
}
