package dev.ordersaga.ops.load;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live progress line on stderr: rewritten in place about once a second on a terminal,
 * a new line every five seconds otherwise (a log file).
 */
final class Progress {

	private final PrintWriter err;

	private final boolean enabled;

	private final boolean inPlace = isTerminal();

	private int ticks;

	private int decidedBefore;

	private long before = System.nanoTime();

	private int width;

	Progress(PrintWriter err, boolean enabled) {
		this.err = err;
		this.enabled = enabled;
	}

	/** An informational line (setting up, warming up), unless progress is off. */
	void say(String line) {
		if (this.enabled) {
			done();
			this.err.println(line);
			this.err.flush();
		}
	}

	/** Called about once a second while a phase runs. */
	synchronized void tick(String name, Phase phase, int orders) {
		long now = System.nanoTime();
		Phase.Counts counts = phase.counts();
		double perSecond = (counts.decided() - this.decidedBefore) / Math.max((now - this.before) / 1e9, 1e-3);
		this.decidedBefore = counts.decided();
		this.before = now;
		if (!this.enabled || (!this.inPlace && ++this.ticks % 5 != 0)) {
			return;
		}
		String line = String.format(Locale.ROOT,
				"%s %ds: posted %d/%d, decided %d, in flight %d, shed %d, errors %d, missing %d, %.0f decided/s", name,
				phase.runningFor(now).toSeconds(), counts.posted(), orders, counts.decided(), counts.inFlight(),
				counts.shed(), counts.errors(), counts.overdue(), perSecond);
		if (this.inPlace) {
			this.err.print("\r" + line + " ".repeat(Math.max(0, this.width - line.length())));
			this.width = line.length();
		}
		else {
			this.err.println(line);
		}
		this.err.flush();
	}

	/** Ends a line rewritten in place. */
	synchronized void done() {
		if (this.width > 0) {
			this.err.println();
			this.err.flush();
			this.width = 0;
		}
		this.decidedBefore = 0;
		this.before = System.nanoTime();
		this.ticks = 0;
	}

	/**
	 * Whether the output goes to a terminal: Java 22 and later have a console even when
	 * redirected and tell with {@code isTerminal()}; Java 21 has one only on a terminal.
	 */
	@SuppressWarnings("SystemConsoleNull") // compiled for Java 21, where null means no
											// terminal
	private static boolean isTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (ReflectiveOperationException ex) {
			return true;
		}
	}

}
