package dev.ordersaga.paymentservice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.ordersaga.messaging.test.SagaArchitecture;

@AnalyzeClasses(packages = "dev.ordersaga.paymentservice",
		importOptions = { ImportOption.DoNotIncludeTests.class, SagaArchitecture.WrittenCode.class })
class ArchitectureTests {

	@ArchTest
	static final ArchTests saga = ArchTests.in(SagaArchitecture.class);

}
