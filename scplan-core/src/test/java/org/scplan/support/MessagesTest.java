package org.scplan.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scplan.validation.Problem;

/** The wording every message goes through: hints, counts and fiscal-year gaps. */
class MessagesTest {
  @Test
  void withHint_didYouMean_isAQuestionOfItsOwn_notMaybe() {
    assertThat(Messages.withHint("Unknown program 'prog-33'", "did you mean 'prog-333'?"))
        .isEqualTo("Unknown program 'prog-33'. Did you mean 'prog-333'?");
  }

  @Test
  void withHint_messageWithoutPeriod_getsOneBeforeMaybe() {
    assertThat(Messages.withHint("must be ≥ 0 dollars, but was -5", "money is never negative"))
        .isEqualTo("must be ≥ 0 dollars, but was -5. Maybe money is never negative.");
    assertThat(Messages.withHint("Bad value.", "Maybe fix it."))
        .isEqualTo("Bad value. Maybe fix it.");
    assertThat(Messages.withHint("Bad value", "")).isEqualTo("Bad value.");
  }

  @Test
  void problem_toString_usesTheSameSentences() {
    assertThat(new Problem("Program 'x'", "amount", "must be ≥ 0, but was -5", "fix it"))
        .hasToString("Program 'x', amount: must be ≥ 0, but was -5. Maybe fix it.");
  }

  @Test
  void count_agreesInNumber() {
    assertThat(Messages.count(1, "violation")).isEqualTo("1 violation");
    assertThat(Messages.count(0, "violation")).isEqualTo("0 violations");
    assertThat(Messages.count(12, "violation")).isEqualTo("12 violations");
    assertThat(Messages.count(1, "activity", "activities")).isEqualTo("1 activity");
    assertThat(Messages.count(3, "activity", "activities")).isEqualTo("3 activities");
  }

  @Test
  void yearsEarlier_zeroIsTheSameFy_notZeroFyEarlier() {
    assertThat(Messages.yearsEarlier(0, false)).isEqualTo("in the same FY");
    assertThat(Messages.yearsEarlier(1, false)).isEqualTo("1 FY earlier");
    assertThat(Messages.yearsEarlier(2, false)).isEqualTo("2 FYs earlier");
    assertThat(Messages.yearsEarlier(0, true)).isEqualTo("in the same FY or earlier");
    assertThat(Messages.yearsLater(1, true)).isEqualTo("at least 1 FY later");
  }
}
