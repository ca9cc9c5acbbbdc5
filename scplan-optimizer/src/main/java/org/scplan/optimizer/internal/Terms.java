package org.scplan.optimizer.internal;

import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearConstraintProto;
import com.google.ortools.sat.LinearExpr;
import java.util.Arrays;

/**
 * A linear expression built in primitive arrays, for the large rows of {@link CpSatModel}.
 * OR-Tools' own {@code LinearExprBuilder} keeps its terms in a {@code TreeMap} of boxed indices and
 * coefficients, which made 183,000 candidates take about 2 s to build on the generated {@code
 * global} preset. {@link #build()} gives exactly what that builder gives: terms in increasing
 * variable index, duplicates merged, zero coefficients dropped, so the model's protocol buffer is
 * the same byte for byte. {@link #constraint(long, long)} writes a row as the message CP-SAT's
 * {@code addLinearExpressionInDomain} would, without its native {@code Domain} object and nested
 * builders.
 */
final class Terms implements LinearArgument {
  private int[] variables;
  private long[] coefficients;
  private int size;
  private long offset;
  private boolean sorted = true;

  /** An empty expression. */
  Terms() {
    this(8);
  }

  /** An empty expression with room for {@code capacity} terms before it grows. */
  Terms(int capacity) {
    variables = new int[Math.max(1, capacity)];
    coefficients = new long[variables.length];
  }

  /** Adds {@code coefficient × variable}. */
  Terms add(IntVar variable, long coefficient) {
    append(variable.getIndex(), coefficient);
    return this;
  }

  private void append(int index, long coefficient) {
    if (size == variables.length) {
      variables = Arrays.copyOf(variables, 2 * size);
      coefficients = Arrays.copyOf(coefficients, 2 * size);
    }
    if (size > 0 && index <= variables[size - 1]) {
      sorted = false;
    }
    variables[size] = index;
    coefficients[size] = coefficient;
    size++;
  }

  /** Adds {@code variable} with coefficient 1. */
  Terms add(IntVar variable) {
    return add(variable, 1);
  }

  /** Adds {@code coefficient × variable}; {@code variable} is a positive literal. */
  Terms add(DecisionLiteral variable, long coefficient) {
    append(variable.index(), coefficient);
    return this;
  }

  /** Adds {@code variable} with coefficient 1. */
  Terms add(DecisionLiteral variable) {
    return add(variable, 1);
  }

  /** Adds {@code factor ×} every term of {@code other} (and its constant). */
  Terms addScaled(Terms other, long factor) {
    for (int i = 0; i < other.size; i++) {
      append(other.variables[i], other.coefficients[i] * factor);
    }
    offset += other.offset * factor;
    return this;
  }

  /** Adds a constant. */
  Terms addConstant(long constant) {
    offset += constant;
    return this;
  }

  /** Whether any term was added (a constant alone is none). */
  boolean hasVariables() {
    return size > 0;
  }

  /** The constant. */
  long constant() {
    return offset;
  }

  /**
   * The constraint {@code lower ≤ this ≤ upper} ({@link Long#MIN_VALUE} and {@link Long#MAX_VALUE}
   * for an open side), with the constant moved to the bounds as CP-SAT's {@code CpModel} moves it;
   * an empty interval gives an empty domain, as there.
   */
  ConstraintProto constraint(long lower, long upper) {
    LinearConstraintProto.Builder linear = LinearConstraintProto.newBuilder();
    if (sorted) {
      // Strictly increasing indices: nothing to merge, only zeros to drop, as build() would.
      for (int i = 0; i < size; i++) {
        if (coefficients[i] != 0) {
          linear.addVars(variables[i]).addCoeffs(coefficients[i]);
        }
      }
    } else {
      Expression expression = build();
      for (int i = 0; i < expression.variables.length; i++) {
        linear.addVars(expression.variables[i]).addCoeffs(expression.coefficients[i]);
      }
    }
    if (lower <= upper) {
      linear.addDomain(lower == Long.MIN_VALUE ? lower : lower - offset);
      linear.addDomain(upper == Long.MAX_VALUE ? upper : upper - offset);
    }
    return ConstraintProto.newBuilder().setLinear(linear).build();
  }

  @Override
  public Expression build() {
    int[] order = new int[size];
    long[] merged = new long[size];
    int count;
    if (sorted) {
      System.arraycopy(variables, 0, order, 0, size);
      System.arraycopy(coefficients, 0, merged, 0, size);
      count = size;
    } else {
      long[] packed = new long[size];
      for (int i = 0; i < size; i++) {
        packed[i] = ((long) variables[i] << 32) | i;
      }
      Arrays.sort(packed);
      count = 0;
      for (long entry : packed) {
        int variable = (int) (entry >>> 32);
        long coefficient = coefficients[(int) entry];
        if (count > 0 && order[count - 1] == variable) {
          merged[count - 1] += coefficient;
        } else {
          order[count] = variable;
          merged[count] = coefficient;
          count++;
        }
      }
    }
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (merged[i] != 0) {
        order[kept] = order[i];
        merged[kept] = merged[i];
        kept++;
      }
    }
    return new Expression(Arrays.copyOf(order, kept), Arrays.copyOf(merged, kept), offset);
  }

  /** The built, immutable form. */
  private record Expression(int[] variables, long[] coefficients, long offset)
      implements LinearExpr {
    @Override
    public int numElements() {
      return variables.length;
    }

    @Override
    public int getVariableIndex(int index) {
      return variables[index];
    }

    @Override
    public long getCoefficient(int index) {
      return coefficients[index];
    }

    @Override
    public long getOffset() {
      return offset;
    }

    @Override
    public LinearExpr build() {
      return this;
    }
  }
}
