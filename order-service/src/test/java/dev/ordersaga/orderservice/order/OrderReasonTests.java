package dev.ordersaga.orderservice.order;

import java.util.Arrays;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The reason is stored as the events' name for it, and read back as the same reason. */
class OrderReasonTests {

	private final OrderReasonColumn column = new OrderReasonColumn();

	@Test
	void everyRejectionReasonIsStoredByItsNameAndReadBack() {
		Arrays.stream(RejectionReason.values()).map(OrderReason::of).forEach((reason) -> {
			assertThat(this.column.convertToDatabaseColumn(reason)).isEqualTo(reason.name());
			assertThat(this.column.convertToEntityAttribute(reason.name())).isEqualTo(reason);
		});
	}

	@Test
	void everyCancellationReasonIsStoredByItsNameAndReadBack() {
		Arrays.stream(CancellationReason.values()).map(OrderReason::of).forEach((reason) -> {
			assertThat(this.column.convertToDatabaseColumn(reason)).isEqualTo(reason.name());
			assertThat(this.column.convertToEntityAttribute(reason.name())).isEqualTo(reason);
		});
	}

	@Test
	void noReasonIsStoredAsNull() {
		assertThat(this.column.convertToDatabaseColumn(null)).isNull();
		assertThat(this.column.convertToEntityAttribute(null)).isNull();
	}

	@Test
	void aNameNoEventKnowsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrderReason.named("BAD_LUCK"));
	}

}
