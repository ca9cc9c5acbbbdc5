package org.scplan.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Passes text to a terminal with every control character that could act on it shown instead: ESC
 * (and so ANSI and OSC sequences), BEL, NUL, backspace, DEL and the other C0 and C1 characters
 * become {@code \x1B}-style text, so that a name in a scenario cannot clear the screen, retitle the
 * window or hide a line. Line feeds, tabs and the {@code \r\n} of a line separator pass.
 *
 * <p>Every message of the command goes through one of these (standard output and standard error);
 * only the progress line, which holds numbers alone, writes its carriage returns around it.
 */
final class TerminalSafeWriter extends FilterWriter {
  TerminalSafeWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c), 0, 1);
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length), 0, length);
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    out.write(escape(text.substring(offset, offset + length)));
  }

  /** {@code text} with its control characters shown as {@code \xHH}. */
  static String escape(String text) {
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean passes =
          c == '\n'
              || c == '\t'
              || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n'
              || Character.getType(c) != Character.CONTROL;
      if (passes && safe == null) {
        continue;
      }
      if (safe == null) {
        safe = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (passes) {
        safe.append(c);
      } else {
        safe.append(String.format("\\x%02X", (int) c));
      }
    }
    return safe == null ? text : safe.toString();
  }
}
