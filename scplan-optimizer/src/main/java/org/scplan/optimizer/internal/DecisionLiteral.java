package org.scplan.optimizer.internal;

import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

/**
 * A Boolean variable of {@link CpSatModel} (or its negation), by index only. OR-Tools' {@code
 * BoolVar} keeps a native domain object and a nested protocol-buffer builder per variable, which on
 * the generated {@code global} preset (183,000 candidates) cost a tenth of the model build; the
 * solver, hints and constraints need nothing but the index.
 *
 * @param index the variable's index, or {@code −index − 1} for its negation, as in CP-SAT's proto
 */
record DecisionLiteral(int index) implements Literal, LinearExpr {
  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public Literal not() {
    return new DecisionLiteral(-index - 1);
  }

  @Override
  public LinearExpr build() {
    return this;
  }

  @Override
  public int numElements() {
    return 1;
  }

  @Override
  public int getVariableIndex(int element) {
    return index >= 0 ? index : -index - 1;
  }

  @Override
  public long getCoefficient(int element) {
    return index >= 0 ? 1 : -1;
  }

  @Override
  public long getOffset() {
    return index >= 0 ? 0 : 1;
  }
}
