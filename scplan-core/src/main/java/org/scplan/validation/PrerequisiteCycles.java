package org.scplan.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.scplan.scenario.Prerequisite;
import org.scplan.scenario.SolutionOption;

/**
 * Finds cycles in the prerequisite graph ("o-1 requires o-2 requires o-1"). Iterative, so a chain
 * of 10,000 options cannot overflow the stack, and linear in options plus prerequisites.
 *
 * <p>A strongly connected group of options can hold exponentially many distinct cycles; each group
 * is reported once, by its shortest cycle through the group's first option, with the size of the
 * whole group. A self-prerequisite is always its own cycle.
 */
final class PrerequisiteCycles {
  private PrerequisiteCycles() {}

  /**
   * A cycle starting and ending at option {@code firstOption}.
   *
   * @param firstOption index in the option list of the option the cycle is reported at
   * @param path option ids along the cycle, the first repeated at the end
   * @param optionsInGroup how many options depend on each other in cycles with this one
   */
  record Cycle(int firstOption, List<String> path, int optionsInGroup) {
    /** Whether the option lists itself as its prerequisite. */
    boolean selfPrerequisite() {
      return path.size() == 2;
    }
  }

  /**
   * Every cycle among {@code options}, ordered by the option it is reported at. Prerequisites
   * naming unknown options are ignored (they are reported elsewhere); an id used twice resolves to
   * its first occurrence.
   */
  static List<Cycle> find(List<SolutionOption> options, KnownIds optionIds) {
    int n = options.size();
    int[][] requires = new int[n][];
    List<Cycle> cycles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SolutionOption option = options.get(i);
      List<Prerequisite> prerequisites = option.prerequisites();
      int[] targets = new int[prerequisites.size()];
      int count = 0;
      boolean selfPrerequisite = false;
      for (Prerequisite prerequisite : prerequisites) {
        if (prerequisite.optionId().equals(option.id())) {
          selfPrerequisite = true;
          continue;
        }
        int target = optionIds.indexOf(prerequisite.optionId());
        if (target >= 0) {
          targets[count++] = target;
        }
      }
      requires[i] = Arrays.copyOf(targets, count);
      if (selfPrerequisite) {
        cycles.add(new Cycle(i, List.of(option.id(), option.id()), 1));
      }
    }
    int[] component = stronglyConnectedComponents(requires);
    cycles.addAll(cyclesOfGroups(options, requires, component));
    cycles.sort(Comparator.comparingInt(Cycle::firstOption));
    return cycles;
  }

  /** Tarjan's algorithm with an explicit stack: the component number of each node. */
  private static int[] stronglyConnectedComponents(int[][] edges) {
    int n = edges.length;
    int[] order = new int[n];
    Arrays.fill(order, -1);
    int[] low = new int[n];
    int[] component = new int[n];
    boolean[] onStack = new boolean[n];
    int[] stack = new int[n];
    int stackSize = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int nextOrder = 0;
    int nextComponent = 0;
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      order[root] = nextOrder;
      low[root] = nextOrder++;
      stack[stackSize++] = root;
      onStack[root] = true;
      callNode[0] = root;
      callEdge[0] = 0;
      int depth = 1;
      while (depth > 0) {
        int node = callNode[depth - 1];
        if (callEdge[depth - 1] < edges[node].length) {
          int next = edges[node][callEdge[depth - 1]++];
          if (order[next] < 0) {
            order[next] = nextOrder;
            low[next] = nextOrder++;
            stack[stackSize++] = next;
            onStack[next] = true;
            callNode[depth] = next;
            callEdge[depth] = 0;
            depth++;
          } else if (onStack[next]) {
            low[node] = Math.min(low[node], order[next]);
          }
          continue;
        }
        depth--;
        if (depth > 0) {
          int caller = callNode[depth - 1];
          low[caller] = Math.min(low[caller], low[node]);
        }
        if (low[node] == order[node]) {
          int member;
          do {
            member = stack[--stackSize];
            onStack[member] = false;
            component[member] = nextComponent;
          } while (member != node);
          nextComponent++;
        }
      }
    }
    return component;
  }

  /** For each component of two or more options: its shortest cycle through its first option. */
  private static List<Cycle> cyclesOfGroups(
      List<SolutionOption> options, int[][] requires, int[] component) {
    int n = requires.length;
    int[] groupSize = new int[n];
    for (int c : component) {
      groupSize[c]++;
    }
    boolean[] reported = new boolean[n];
    int[] parent = new int[n];
    boolean[] seen = new boolean[n];
    List<Cycle> cycles = new ArrayList<>();
    for (int start = 0; start < n; start++) {
      int group = component[start];
      if (groupSize[group] < 2 || reported[group]) {
        continue;
      }
      reported[group] = true;
      int last = breadthFirstBackTo(start, requires, component, parent, seen);
      List<String> path = new ArrayList<>();
      path.add(options.get(start).id());
      for (int node = last; node != start; node = parent[node]) {
        path.add(options.get(node).id());
      }
      Collections.reverse(path.subList(1, path.size()));
      path.add(options.get(start).id());
      cycles.add(new Cycle(start, List.copyOf(path), groupSize[group]));
    }
    return cycles;
  }

  /**
   * Breadth-first search from {@code start} inside its component, recording parents: the first node
   * found that requires {@code start}, which closes the shortest cycle through it. One exists
   * because the component has two or more nodes.
   */
  private static int breadthFirstBackTo(
      int start, int[][] requires, int[] component, int[] parent, boolean[] seen) {
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen[start] = true;
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int next : requires[node]) {
        if (next == start) {
          return node;
        }
        if (component[next] == component[start] && !seen[next]) {
          seen[next] = true;
          parent[next] = node;
          queue.add(next);
        }
      }
    }
    throw new IllegalStateException("no cycle through option " + start + " in its component");
  }
}
