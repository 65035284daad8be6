package dev.ordersaga.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that talks to a service says the same thing when nobody answers: which
 * service, where, and the option that points elsewhere; and exits 1.
 */
class UnreachableServicesTests {

	record Run(int exitCode, String err) {
	}

	private static String nobody;

	@BeforeAll
	static void findAPortNobodyListensOn() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			nobody = "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	@Test
	void verifyNamesTheServiceItCannotReachAndItsOption() {
		assertThat(sagactl("verify", "--orders", nobody))
			.isEqualTo(new Run(1, "verify: cannot reach order-service at " + nobody + ": is it running? (--orders)\n"));
	}

	@Test
	void aLoadRunNamesTheServiceItCannotReachAndItsOption() {
		assertThat(sagactl("load", "burst", "--orders", "5", "--orders-url", nobody)).isEqualTo(
				new Run(1, "sagactl: cannot reach order-service at " + nobody + ": is it running? (--orders-url)\n"));
	}

	private static Run sagactl(String... args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setErr(new PrintWriter(err));
		commandLine.setOut(new PrintWriter(new StringWriter()));
		return new Run(commandLine.execute(args), err.toString().replace(System.lineSeparator(), "\n"));
	}

}
