package org.scplan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void between_adjacentTransposition_countsOneEdit() {
    assertThat(EditDistance.between("p-bnadaria", "p-bandaria", 3)).isEqualTo(1);
  }

  @Test
  void between_insertDeleteSubstitute_countsEachEdit() {
    assertThat(EditDistance.between("kitten", "sitting", 5)).isEqualTo(3);
  }

  @Test
  void between_distanceAboveLimit_returnsLimitPlusOne() {
    assertThat(EditDistance.between("fmf", "ohdaca", 2)).isEqualTo(3);
    assertThat(EditDistance.between("s333", "section-333-long", 2)).isEqualTo(3);
  }

  @Test
  void closest_differentCase_isFound() {
    assertThat(EditDistance.closest("FMF", List.of("s333", "fmf"))).isEqualTo("fmf");
  }

  @Test
  void closest_tie_prefersFirstCandidate() {
    assertThat(EditDistance.closest("o-9", List.of("o-1", "o-2"))).isEqualTo("o-1");
  }

  @Test
  void closest_nothingWithinTypoLimit_returnsNull() {
    assertThat(EditDistance.closest("peacekeeping", List.of("maritime-security"))).isNull();
  }
}
