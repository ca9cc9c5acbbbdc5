package org.scplan.uncertainty;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The checks and draws the {@link Distribution} records share. A class of its own rather than
 * private methods of the interface, which SpotBugs cannot see the nested records call.
 */
final class Draws {
  private Draws() {}

  /** Throws "FIELD must be EXPECTED, but was VALUE" unless {@code ok}. */
  static void require(boolean ok, String field, double value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s must be %s, but was %s", field, expected, value));
    }
  }

  /** A standard normal draw (Box–Muller) from two uniforms of the stream. */
  static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
