package dev.ordersaga.messaging.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ordersaga.examplesservice.billing.Invoice;
import dev.ordersaga.examplesservice.order.LeakyOrder;
import dev.ordersaga.examplesservice.order.Order;
import dev.ordersaga.examplesservice.order.OrderStatus;
import dev.ordersaga.examplesservice.shipping.Parcel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of {@link SagaArchitecture} fail on classes that break them: the made-up
 * {@code dev.ordersaga.examplesservice} breaks each on purpose.
 */
class SagaArchitectureTests {

	private final ClassFileImporter importer = new ClassFileImporter();

	@Test
	void letsAnEntityUseTheJdkJpaTheEventsAndItsOwnService() {
		JavaClasses classes = this.importer.importClasses(Order.class, OrderStatus.class);

		assertThatCode(() -> SagaArchitecture.domainIsFreeOfFrameworks.check(classes)).doesNotThrowAnyException();
	}

	@Test
	void catchesAnEntityThatKnowsTheMessagingModule() {
		JavaClasses classes = this.importer.importClasses(Order.class, LeakyOrder.class);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SagaArchitecture.domainIsFreeOfFrameworks.check(classes))
			.withMessageContaining(LeakyOrder.class.getName())
			.withMessageContaining("dev.ordersaga.messaging.kafka.ReceivedEvent")
			.withMessageNotContaining("<" + Order.class.getName() + ">");
	}

	@Test
	void letsFeaturePackagesUseEachOtherOneWay() {
		JavaClasses classes = this.importer.importClasses(Order.class, OrderStatus.class, Invoice.class);

		assertThatCode(() -> SagaArchitecture.featuresDoNotDependOnEachOtherInCycles.check(classes))
			.doesNotThrowAnyException();
	}

	@Test
	void catchesFeaturePackagesThatDependOnEachOtherInACycle() {
		JavaClasses classes = this.importer.importClasses(Invoice.class, Parcel.class, Order.class);

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SagaArchitecture.featuresDoNotDependOnEachOtherInCycles.check(classes))
			.withMessageContaining("examplesservice.billing")
			.withMessageContaining("examplesservice.shipping");
	}

}
