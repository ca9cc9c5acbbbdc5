package org.scplan.optimizer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.ConstraintProto;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.IntegerVariableProto;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.util.Domain;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Terms} stands in for OR-Tools' {@code LinearExprBuilder} in the model build, so it must
 * give exactly the same expression: terms in increasing variable index, duplicates merged, zero
 * coefficients dropped, the constant kept. Checked on seeded random sequences with repeats, zeros,
 * cancelling pairs and scaled copies. Its rows and {@link DecisionLiteral}'s variables are written
 * straight into the model's protocol buffer, so they must be the messages {@code CpModel} writes.
 */
class TermsTest {
  private static IntVar[] variables;

  @BeforeAll
  static void variables() {
    NativeLibraries.ensureLoaded();
    CpModel model = new CpModel();
    variables = new IntVar[40];
    for (int i = 0; i < variables.length; i++) {
      variables[i] = model.newIntVar(0, 10, "v" + i);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void build_givesWhatOrToolsBuilderGives(long seed) {
    Random random = new Random(seed);
    Terms terms = new Terms();
    LinearExprBuilder reference = LinearExpr.newBuilder();
    int count = random.nextInt(60);
    for (int i = 0; i < count; i++) {
      IntVar variable = variables[random.nextInt(random.nextBoolean() ? 5 : variables.length)];
      long coefficient = random.nextInt(7) - 3;
      terms.add(variable, coefficient);
      reference.addTerm(variable, coefficient);
      if (random.nextInt(10) == 0) {
        terms.add(variable, -coefficient);
        reference.addTerm(variable, -coefficient);
      }
    }
    Terms other = new Terms().add(variables[random.nextInt(variables.length)], 4).addConstant(3);
    long factor = random.nextInt(5) - 2;
    terms.addScaled(other, factor).addConstant(-7);
    reference.addTerm(other, factor).add(-7);

    LinearExpr expected = reference.build();
    LinearExpr actual = terms.build();
    assertThat(actual.numElements()).isEqualTo(expected.numElements());
    for (int i = 0; i < expected.numElements(); i++) {
      assertThat(actual.getVariableIndex(i)).isEqualTo(expected.getVariableIndex(i));
      assertThat(actual.getCoefficient(i)).isEqualTo(expected.getCoefficient(i));
    }
    assertThat(actual.getOffset()).isEqualTo(expected.getOffset());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void constraint_isTheMessageCpModelWrites(long seed) {
    Random random = new Random(seed);
    // Even seeds add the terms in strictly increasing variable order (nothing to merge, zeros to
    // drop), odd seeds in random order with repeats; a small starting capacity makes rows grow.
    boolean increasing = seed % 2 == 0;
    Terms terms = new Terms(1 + random.nextInt(4));
    LinearExprBuilder reference = LinearExpr.newBuilder();
    int next = 0;
    for (int i = 0; i < 1 + random.nextInt(30); i++) {
      IntVar variable;
      if (increasing) {
        next += 1 + random.nextInt(2);
        if (next >= variables.length) {
          break;
        }
        variable = variables[next];
      } else {
        variable = variables[random.nextInt(variables.length)];
      }
      long coefficient = random.nextInt(11) - 5;
      terms.add(variable, coefficient);
      reference.addTerm(variable, coefficient);
    }
    long constant = random.nextInt(21) - 10;
    terms.addConstant(constant);
    reference.add(constant);
    long lower = random.nextInt(41) - 20;
    long upper = lower + random.nextInt(30) - 5;
    long[][] bounds = {
      {Long.MIN_VALUE, upper}, {lower, Long.MAX_VALUE}, {lower, lower}, {lower, upper}
    };
    for (long[] bound : bounds) {
      CpModel model = new CpModel();
      ConstraintProto expected =
          model
              .addLinearExpressionInDomain(reference, new Domain(bound[0], bound[1]))
              .getBuilder()
              .build();
      assertThat(terms.constraint(bound[0], bound[1]))
          .as("bounds [%d, %d]", bound[0], bound[1])
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "negated {0}")
  @ValueSource(booleans = {false, true})
  void decisionLiteral_actsAsTheBoolVarCpModelMakes(boolean negated) {
    CpModel model = new CpModel();
    model.newIntVar(0, 5, "before");
    BoolVar expectedVariable = model.newBoolVar("x");
    IntegerVariableProto written =
        IntegerVariableProto.newBuilder().setName("x").addDomain(0).addDomain(1).build();
    assertThat(expectedVariable.getBuilder().build()).isEqualTo(written);
    Literal expected = negated ? expectedVariable.not() : expectedVariable;
    DecisionLiteral direct = new DecisionLiteral(expectedVariable.getIndex());
    Literal actual = negated ? direct.not() : direct;

    assertThat(actual.getIndex()).isEqualTo(expected.getIndex());
    assertThat(actual.not().getIndex()).isEqualTo(expected.not().getIndex());
    LinearExpr expectedExpression = expected.build();
    LinearExpr actualExpression = actual.build();
    assertThat(actualExpression.numElements()).isEqualTo(expectedExpression.numElements());
    assertThat(actualExpression.getVariableIndex(0))
        .isEqualTo(expectedExpression.getVariableIndex(0));
    assertThat(actualExpression.getCoefficient(0)).isEqualTo(expectedExpression.getCoefficient(0));
    assertThat(actualExpression.getOffset()).isEqualTo(expectedExpression.getOffset());
  }
}
