package dev.instanceha.ops.log;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Finds every occurrence of a fixed set of strings in one left-to-right pass (Aho–Corasick), so
 * masking registered secrets costs the same whatever their number and however they overlap.
 * Immutable: built once per set of secrets.
 */
final class LiteralMatcher {
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] fail;
    /** Length of the longest pattern that ends at this node (itself or along its failure links). */
    private final int[] longestMatch;
    /** Characters that begin some edge: any other character sends the automaton straight to the root. */
    private final BitSet alphabet = new BitSet(Character.MAX_VALUE + 1);
    /** The root's edges for ASCII, where most text and most secrets live: one array read per step. */
    private final int[] rootAscii = new int[128];

    LiteralMatcher(Collection<String> patterns) {
        List<StringBuilder> chars = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>();
        List<Integer> terminal = new ArrayList<>();
        chars.add(new StringBuilder());
        targets.add(new ArrayList<>());
        terminal.add(0);
        for (String pattern : patterns) {
            int node = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                alphabet.set(c);
                int at = chars.get(node).indexOf(String.valueOf(c));
                if (at >= 0) {
                    node = targets.get(node).get(at);
                } else {
                    chars.get(node).append(c);
                    targets.get(node).add(chars.size());
                    node = chars.size();
                    chars.add(new StringBuilder());
                    targets.add(new ArrayList<>());
                    terminal.add(0);
                }
            }
            terminal.set(node, Math.max(terminal.get(node), pattern.length()));
        }
        int nodes = chars.size();
        edgeChars = new char[nodes][];
        edgeTargets = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            edgeChars[n] = chars.get(n).toString().toCharArray();
            edgeTargets[n] = targets.get(n).stream().mapToInt(Integer::intValue).toArray();
        }
        for (int e = 0; e < edgeChars[0].length; e++) {
            if (edgeChars[0][e] < 128) {
                rootAscii[edgeChars[0][e]] = edgeTargets[0][e];
            }
        }
        fail = new int[nodes];
        longestMatch = new int[nodes];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : edgeTargets[0]) {
            queue.add(child);
            longestMatch[child] = terminal.get(child);
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int e = 0; e < edgeChars[node].length; e++) {
                int child = edgeTargets[node][e];
                fail[child] = next(fail[node], edgeChars[node][e]);
                longestMatch[child] = Math.max(terminal.get(child), longestMatch[fail[child]]);
                queue.add(child);
            }
        }
    }

    boolean isEmpty() {
        return edgeChars[0].length == 0;
    }

    /**
     * The stretches of {@code text} covered by occurrences, merged where they overlap or touch, as
     * sorted {@code [start, end)} pairs; empty when nothing matched. Only the longest pattern ending
     * at each position is needed: any shorter one ending there lies inside it.
     */
    int[] coveredRanges(String text) {
        int[] ranges = new int[8];
        int count = 0; // number of pairs held
        int node = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            node = alphabet.get(c) ? next(node, c) : 0;
            int length = longestMatch[node];
            if (length == 0) {
                continue;
            }
            int start = i - length + 1;
            // Ends only grow, so merging with the ranges already held is amortised constant time.
            while (count > 0 && ranges[2 * count - 1] >= start) {
                start = Math.min(start, ranges[2 * count - 2]);
                count--;
            }
            if (2 * count + 2 > ranges.length) {
                ranges = Arrays.copyOf(ranges, ranges.length * 2);
            }
            ranges[2 * count] = start;
            ranges[2 * count + 1] = i + 1;
            count++;
        }
        return Arrays.copyOf(ranges, 2 * count);
    }

    private int next(int node, char c) {
        while (true) {
            if (node == 0 && c < 128) {
                return rootAscii[c];
            }
            int target = edge(node, c);
            if (target >= 0) {
                return target;
            }
            if (node == 0) {
                return 0;
            }
            node = fail[node];
        }
    }

    private int edge(int node, char c) {
        char[] labels = edgeChars[node];
        for (int e = 0; e < labels.length; e++) {
            if (labels[e] == c) {
                return edgeTargets[node][e];
            }
        }
        return -1;
    }
}
