package org.scplan.generate;

import java.util.Locale;

/**
 * What {@link ScenarioGenerator} builds. Immutable; start from a preset ({@link #theater(long)},
 * {@link #global(long)}, {@link #xl(long)}) or {@link #ofPartners(int, long)} and vary it with the
 * {@code with…} methods.
 *
 * @param partners number of partner countries, ≥ 1
 * @param seed random seed: the same config gives the same scenario, byte for byte
 * @param tightness money appropriated over the money the options could use, 0–1 exclusive of 0
 *     (0.45: under half of the demand can be funded, as in the embedded notional theater)
 * @param programs number of programs, ≥ 9: the nine program kinds first, then regional lines (one
 *     combatant command each) and country earmarks (a few partners each)
 * @param minimumGapsPerPartner fewest capability gaps per partner, ≥ 1
 * @param maximumGapsPerPartner most capability gaps per partner, ≥ the minimum
 * @param firstFiscalYear first fiscal year of the horizon
 * @param horizonYears fiscal years planned, 3–10
 */
public record GeneratorConfig(
    int partners,
    long seed,
    double tightness,
    int programs,
    int minimumGapsPerPartner,
    int maximumGapsPerPartner,
    int firstFiscalYear,
    int horizonYears) {

  /** Default money tightness: appropriations cover 45 % of what the options could use. */
  public static final double DEFAULT_TIGHTNESS = 0.45;

  /** Checks every field; throws {@link IllegalArgumentException} naming the first bad one. */
  public GeneratorConfig {
    require(partners >= 1 && partners <= 5_000, "partners", partners, "1–5,000");
    require(tightness > 0 && tightness <= 1, "tightness", tightness, "in (0, 1]");
    require(programs >= 9 && programs <= 1_000, "programs", programs, "9–1,000");
    require(
        minimumGapsPerPartner >= 1 && minimumGapsPerPartner <= 100,
        "minimumGapsPerPartner",
        minimumGapsPerPartner,
        "1–100");
    require(
        maximumGapsPerPartner >= minimumGapsPerPartner && maximumGapsPerPartner <= 100,
        "maximumGapsPerPartner",
        maximumGapsPerPartner,
        "minimumGapsPerPartner–100");
    require(
        firstFiscalYear >= 2000 && firstFiscalYear <= 2090,
        "firstFiscalYear",
        firstFiscalYear,
        "2000–2090");
    require(horizonYears >= 3 && horizonYears <= 10, "horizonYears", horizonYears, "3–10");
  }

  private static void require(boolean ok, String field, Object value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT, "GeneratorConfig.%s must be %s, but was %s", field, range, value));
    }
  }

  /**
   * A scenario with {@code partners} partners, 10–16 gaps each (about 39 options per partner), and
   * programs growing with the partner count (9 up to 20 partners, then one more per two partners).
   */
  public static GeneratorConfig ofPartners(int partners, long seed) {
    int programs = Math.min(1_000, Math.max(9, 9 + (partners - 20) / 2));
    return new GeneratorConfig(partners, seed, DEFAULT_TIGHTNESS, programs, 10, 16, 2027, 5);
  }

  /** Preset {@code theater}: 50 partners, 9 programs, about 2,000 options over FY2027–FY2031. */
  public static GeneratorConfig theater(long seed) {
    return new GeneratorConfig(50, seed, DEFAULT_TIGHTNESS, 9, 10, 16, 2027, 5);
  }

  /** Preset {@code global}: 200 partners, 120 programs, about 10,000 options over FY2027–FY2031. */
  public static GeneratorConfig global(long seed) {
    return new GeneratorConfig(200, seed, DEFAULT_TIGHTNESS, 120, 14, 20, 2027, 5);
  }

  /** Preset {@code xl} (stress): 500 partners, 250 programs, about 30,000 options. */
  public static GeneratorConfig xl(long seed) {
    return new GeneratorConfig(500, seed, DEFAULT_TIGHTNESS, 250, 17, 23, 2027, 5);
  }

  /**
   * The preset named {@code theater}, {@code global} or {@code xl}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static GeneratorConfig preset(String name, long seed) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "theater" -> theater(seed);
      case "global" -> global(seed);
      case "xl" -> xl(seed);
      default ->
          throw new IllegalArgumentException(
              "unknown preset '" + name + "': use theater, global or xl");
    };
  }

  /** This config with another seed. */
  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(
        partners,
        newSeed,
        tightness,
        programs,
        minimumGapsPerPartner,
        maximumGapsPerPartner,
        firstFiscalYear,
        horizonYears);
  }

  /** This config with another tightness (budget over demand, in (0, 1]). */
  public GeneratorConfig withTightness(double newTightness) {
    return new GeneratorConfig(
        partners,
        seed,
        newTightness,
        programs,
        minimumGapsPerPartner,
        maximumGapsPerPartner,
        firstFiscalYear,
        horizonYears);
  }

  /** This config with another number of programs (≥ 9). */
  public GeneratorConfig withPrograms(int newPrograms) {
    return new GeneratorConfig(
        partners,
        seed,
        tightness,
        newPrograms,
        minimumGapsPerPartner,
        maximumGapsPerPartner,
        firstFiscalYear,
        horizonYears);
  }

  /** This config with another range of gaps per partner. */
  public GeneratorConfig withGapsPerPartner(int minimum, int maximum) {
    return new GeneratorConfig(
        partners, seed, tightness, programs, minimum, maximum, firstFiscalYear, horizonYears);
  }
}
