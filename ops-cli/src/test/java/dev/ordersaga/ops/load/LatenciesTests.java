package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatenciesTests {

	@Test
	void percentilesAreTheNearestRankOfWhatWasRecorded() {
		Latencies latencies = new Latencies();
		// 1 ms to 1000 ms, recorded in reverse to show the order does not matter
		LongStream.rangeClosed(1, 1000).map((i) -> 1001 - i).forEach((ms) -> latencies.record(millis(ms)));

		Latencies.Summary summary = latencies.summary();

		assertThat(summary.count()).isEqualTo(1000);
		assertThat(summary.p50()).isEqualTo(500.0);
		assertThat(summary.p95()).isEqualTo(950.0);
		assertThat(summary.p99()).isEqualTo(990.0);
		assertThat(summary.max()).isEqualTo(1000.0);
	}

	@Test
	void aSmallSampleTakesTheValueAtOrAboveThePercentile() {
		long[] micros = { 4_000, 1_000, 3_000, 2_000 };

		Latencies.Summary summary = Latencies.summarize(micros);

		assertThat(summary.p50()).isEqualTo(2.0);
		assertThat(summary.p95()).isEqualTo(4.0);
		assertThat(summary.p99()).isEqualTo(4.0);
		assertThat(summary.max()).isEqualTo(4.0);
	}

	@Test
	void oneValueIsEveryPercentile() {
		Latencies latencies = new Latencies();
		latencies.record(Duration.ofMillis(12).plusNanos(345_000).toNanos());

		Latencies.Summary summary = latencies.summary();

		assertThat(summary.p50()).isCloseTo(12.345, within(1e-9));
		assertThat(summary.max()).isCloseTo(12.345, within(1e-9));
	}

	@Test
	void nothingRecordedIsAnEmptySummary() {
		assertThat(new Latencies().summary().isEmpty()).isTrue();
	}

	@Test
	void keepsEveryValueBeyondItsFirstArray() {
		Latencies latencies = new Latencies();
		LongStream.rangeClosed(1, 5000).forEach((ms) -> latencies.record(millis(ms)));

		assertThat(latencies.summary().count()).isEqualTo(5000);
		assertThat(latencies.summary().max()).isEqualTo(5000.0);
	}

	@Test
	void aNegativeTimeCountsAsZero() {
		Latencies latencies = new Latencies();
		latencies.record(-5);

		assertThat(latencies.summary().max()).isZero();
	}

	private static long millis(long ms) {
		return Duration.ofMillis(ms).toNanos();
	}

}
