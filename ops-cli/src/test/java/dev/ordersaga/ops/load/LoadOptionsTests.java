package dev.ordersaga.ops.load;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.ordersaga.ops.Sagactl;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every option is checked before anything is sent: these runs point at no service and no
 * broker, and end with exit code 2 and a message naming the option.
 */
class LoadOptionsTests {

	/** What a command printed on stderr and how it exited. */
	record Run(int exitCode, String err) {
	}

	@Test
	void refusesABurstOfNoOrders() {
		assertThat(sagactl("load", "burst", "--orders", "0"))
			.isEqualTo(new Run(2, "sagactl: --orders must be between 1 and 500000, not 0\n"));
	}

	@Test
	void refusesANegativeNumberInFlight() {
		assertThat(sagactl("load", "burst", "--in-flight", "-1").err())
			.isEqualTo("sagactl: --in-flight must be between 1 and 10000, not -1\n");
	}

	@Test
	void refusesACountThatIsNotANumber() {
		Run run = sagactl("load", "serial", "--orders", "many");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Invalid value for option '--orders': 'many' is not an int");
	}

	@Test
	void refusesARateOfZero() {
		assertThat(sagactl("load", "rate", "--rate", "0").err())
			.isEqualTo("sagactl: --rate must be between 1 and 100000 orders/s, not 0\n");
	}

	@Test
	void needsARate() {
		Run run = sagactl("load", "rate", "--duration", "10s");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Missing required option: '--rate=R'");
	}

	@Test
	void refusesADurationItCannotRead() {
		assertThat(sagactl("load", "rate", "--rate", "10", "--duration", "ten seconds").err())
			.isEqualTo("sagactl: --duration: 'ten seconds' is not a duration such as 30s, 500ms or 2m\n");
	}

	@Test
	void refusesARateAndDurationThatComeToTooManyOrders() {
		assertThat(sagactl("load", "rate", "--rate", "1000", "--duration", "1h").err())
			.isEqualTo("sagactl: --rate times --duration comes to 3600000 orders; one run places at most 500000\n");
	}

	@Test
	void refusesATimeoutUnderASecond() {
		assertThat(sagactl("load", "serial", "--timeout", "500ms").err())
			.isEqualTo("sagactl: --timeout must be at least 1s\n");
	}

	@Test
	void refusesMoreLinesThanProducts() {
		assertThat(sagactl("load", "burst", "--skus", "2", "--lines", "3").err())
			.isEqualTo("sagactl: --lines (3) cannot exceed --skus (2): the lines of an order are different products\n");
	}

	@Test
	void refusesANegativeWarmUp() {
		assertThat(sagactl("load", "burst", "--warmup", "-5").err())
			.isEqualTo("sagactl: --warmup must be between 0 and 500000, not -5\n");
	}

	@Test
	void refusesAServiceUrlThatIsNotOne() {
		assertThat(sagactl("load", "serial", "--payment", "localhost:8082").err())
			.isEqualTo("sagactl: --payment: 'localhost:8082' is not a URL such as http://localhost:8080\n");
	}

	@Test
	void refusesAYardstickOfNoRecords() {
		assertThat(sagactl("load", "burst", "--yardstick", "0").err())
			.isEqualTo("sagactl: --yardstick must be between 1 and 100000000, not 0\n");
	}

	@Test
	void needsAMode() {
		Run run = sagactl("load");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).startsWith("Missing mode: burst, rate or serial");
	}

	@Test
	void helpShowsAnExampleOfEveryMode() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setOut(new PrintWriter(out));

		assertThat(commandLine.execute("load", "--help")).isZero();
		assertThat(out.toString()).contains("./sagactl load burst --orders 5000 --in-flight 64",
				"./sagactl load rate --rate 500 --duration 30s", "./sagactl load serial --orders 200");
	}

	private static Run sagactl(String... args) {
		StringWriter err = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setErr(new PrintWriter(err));
		commandLine.setOut(new PrintWriter(new StringWriter()));
		return new Run(commandLine.execute(args), err.toString().replace(System.lineSeparator(), "\n"));
	}

}
