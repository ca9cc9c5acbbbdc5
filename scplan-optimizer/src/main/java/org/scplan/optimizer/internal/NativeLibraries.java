package org.scplan.optimizer.internal;

import com.google.ortools.Loader;
import com.google.ortools.init.OrToolsVersion;
import java.util.Locale;
import org.scplan.optimizer.progress.NativeLibraryException;

/**
 * Loads the OR-Tools native library on first use rather than in a static initialiser, so that
 * merely referencing scplan classes never needs native code, and turns a failure into an exception
 * that names the platform and the artifact that provides it.
 */
public final class NativeLibraries {
  private static volatile boolean loaded;

  private NativeLibraries() {}

  /** Whether the natives are loaded (no native call may be made before). */
  public static boolean loaded() {
    return loaded;
  }

  /** Loads the natives once per JVM (about 0.5 s and ~70 MB unpacked to the temp dir). */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (NativeLibraries.class) {
      if (loaded) {
        return;
      }
      load(Loader::loadNativeLibraries);
      loaded = true;
    }
  }

  /** The OR-Tools version, e.g. "9.15.6755" (loads the natives first). */
  public static String version() {
    ensureLoaded();
    return OrToolsVersion.getVersionString();
  }

  /**
   * Runs {@code loader}, turning its failure into a {@link NativeLibraryException} that explains
   * the fix. The seam through which tests simulate a platform without the natives.
   */
  static void load(Runnable loader) {
    try {
      loader.run();
    } catch (RuntimeException | LinkageError e) {
      throw new NativeLibraryException(explain(e), e);
    }
  }

  private static String explain(Throwable cause) {
    String os = System.getProperty("os.name", "?").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "?").toLowerCase(Locale.ROOT);
    String platform =
        (os.contains("win")
                ? "win32"
                : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux")
            + "-"
            + (arch.contains("aarch64") || arch.contains("arm64") ? "aarch64" : "x86-64");
    return "Could not load the OR-Tools native library for "
        + os
        + "/"
        + arch
        + " ("
        + cause
        + "). Maybe the artifact com.google.ortools:ortools-"
        + platform
        + " is missing from the classpath (the scplan command-line jar ships Linux x86-64 only; rebuild it with"
        + " -Pall-platforms), or the temp directory (java.io.tmpdir="
        + System.getProperty("java.io.tmpdir")
        + ") is not writable or is mounted noexec.";
  }
}
