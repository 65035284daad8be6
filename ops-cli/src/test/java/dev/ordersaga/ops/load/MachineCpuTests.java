package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class MachineCpuTests {

	@Test
	void countsUserNiceSystemIrqSoftirqAndStealAsBusyButNotIdleOrIowait() {
		MachineCpu.Sample sample = MachineCpu.parse(List.of("cpu  100 2 30 500 40 5 6 7 0 0",
				"cpu0 50 1 15 250 20 2 3 3 0 0", "cpu1 50 1 15 250 20 3 3 4 0 0", "intr 12345"), 0);

		assertThat(sample.busy()).isEqualTo(100 + 2 + 30 + 5 + 6 + 7);
		assertThat(sample.total()).isEqualTo(sample.busy() + 500 + 40);
		assertThat(sample.cpus()).isEqualTo(2);
	}

	@Test
	void busyTimeIsTheBusyShareOfEveryCpusWallClockTime() {
		long second = Duration.ofSeconds(1).toNanos();
		MachineCpu.Sample before = new MachineCpu.Sample(1_000, 2_000, 2, 0);
		// one second on two CPUs: 200 ticks, 150 of them busy
		MachineCpu.Sample after = new MachineCpu.Sample(1_150, 2_200, 2, second);

		assertThat(MachineCpu.busyMillis(before, after)).isCloseTo(1500.0, within(1e-9));
	}

	@Test
	void refusesTextThatIsNotProcStat() {
		assertThatIllegalArgumentException().isThrownBy(() -> MachineCpu.parse(List.of("MemTotal: 1 kB"), 0));
	}

}
