package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.scplan.optimizer.progress.NativeLibraryException;

class NativeLibrariesTest {
  @Test
  void load_missingNativeLibrary_throwsNativeLibraryExceptionWithTheFix() {
    UnsatisfiedLinkError missing = new UnsatisfiedLinkError("no jniortools in java.library.path");

    assertThatThrownBy(
            () ->
                NativeLibraries.load(
                    () -> {
                      throw missing;
                    }))
        .isInstanceOf(NativeLibraryException.class)
        .hasCause(missing)
        .hasMessageContaining("Could not load the OR-Tools native library")
        .hasMessageContaining("no jniortools in java.library.path")
        .hasMessageContaining("Maybe the artifact com.google.ortools:ortools-")
        .hasMessageContaining("java.io.tmpdir=");
  }

  @Test
  void load_loaderThrowsRuntimeException_throwsNativeLibraryException() {
    assertThatThrownBy(
            () ->
                NativeLibraries.load(
                    () -> {
                      throw new IllegalStateException("cannot unpack to the temp directory");
                    }))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("cannot unpack to the temp directory")
        .hasMessageContaining("-Pall-platforms");
  }
}
