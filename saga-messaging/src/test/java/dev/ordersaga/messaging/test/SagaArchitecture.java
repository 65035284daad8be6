package dev.ordersaga.messaging.test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.jspecify.annotations.Nullable;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture every saga service keeps. A service's {@code ArchitectureTests} runs
 * these rules with
 * {@code @ArchTest static final ArchTests saga = ArchTests.in(SagaArchitecture.class)}.
 */
public final class SagaArchitecture {

	/**
	 * Leaves out the classes Spring AOT generates into {@code target/classes} when the
	 * jar is built ({@code __BeanDefinitions}, {@code __Accessor_…}, CGLIB proxies): a
	 * second {@code ./mvnw verify} without {@code clean} finds them there, and they call
	 * across every package by design. A service's {@code ArchitectureTests} imports with
	 * {@code importOptions = { ImportOption.DoNotIncludeTests.class,
	 * SagaArchitecture.WrittenCode.class }}.
	 */
	public static final class WrittenCode implements ImportOption {

		// the class file's own name, not the directories above it: a clone's path may
		// hold "__" too, and then every class would be left out
		private static final Pattern GENERATED = Pattern.compile(".*/[^/]*(__|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class");

		@Override
		public boolean includes(Location location) {
			return !location.matches(GENERATED);
		}

	}

	// before the rules: their initialisers read these
	private static final Pattern SERVICE_PACKAGE = Pattern.compile("(dev\\.ordersaga\\.\\w+service)(\\..*)?");

	private static final List<String> DOMAIN_MAY_USE = List.of("java.", "jakarta.persistence.", "org.jspecify.",
			"dev.ordersaga.events.");

	private static final DescribedPredicate<JavaClass> LISTENERS = DescribedPredicate.describe(
			"a service's messaging package",
			(javaClass) -> javaClass.getPackageName().matches("dev\\.ordersaga\\.\\w+service\\.messaging(\\..*)?"));

	/**
	 * Events leave through the outbox, in the transaction of their change: never a bare
	 * send.
	 */
	@ArchTest
	public static final ArchRule eventsLeaveThroughTheOutbox = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.kafka.core.KafkaTemplate")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.kafka.core.KafkaOperations")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.apache.kafka.clients.producer.Producer")
		.because("a database write followed by a bare send is a dual write; use Outbox.publish");

	/** Listeners are adapters: features never depend on them. */
	@ArchTest
	public static final ArchRule featuresDoNotDependOnListeners = noClasses().that(not(LISTENERS))
		.should()
		.dependOnClassesThat(LISTENERS)
		.because("listeners call use cases, not the other way round");

	/**
	 * The saga's rules (entities and their parts) know nothing of Kafka, the web or
	 * Spring, nor of the shared messaging module that brings them: only of the JDK, JPA's
	 * annotations, JSpecify, the published events and their own service.
	 */
	@ArchTest
	public static final ArchRule domainIsFreeOfFrameworks = classes().that()
		.areAnnotatedWith("jakarta.persistence.Entity")
		.or()
		.areAnnotatedWith("jakarta.persistence.Embeddable")
		.should(onlyDependOnTheirOwnWorld())
		.because("the saga's rules are unit-tested without a broker, a container or a database")
		.allowEmptyShould(true);

	/**
	 * Feature packages may use one another, but never in a circle: each can be read, and
	 * changed, starting from the ones it uses.
	 */
	@ArchTest
	public static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices()
		.matching("dev.ordersaga.(*)service.(*)..")
		.namingSlices("$1service.$2")
		.should()
		.beFreeOfCycles()
		.allowEmptyShould(true);

	/** Each service's Application class holds the entry point and nothing else. */
	@ArchTest
	public static final ArchRule applicationClassHoldsOnlyMain = classes().that()
		.areAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
		.should(new ArchCondition<>("declare only a main method") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				boolean onlyMain = javaClass.getFields().isEmpty()
						&& javaClass.getMethods().stream().map(JavaMethod::getName).allMatch("main"::equals);
				events.add(new SimpleConditionEvent(javaClass, onlyMain,
						javaClass.getName() + " declares more than main: move it to a feature package"));
			}
		});

	/**
	 * Every listener can be replayed while it runs: {@code sagactl replay} reaches it
	 * through the seek callbacks its base class keeps.
	 */
	@ArchTest
	public static final ArchRule listenersCanBeReplayedWhileRunning = classes()
		.that(DescribedPredicate
			.describe("declare a @KafkaListener method", (JavaClass javaClass) -> javaClass.getMethods()
				.stream()
				.anyMatch((method) -> method.isAnnotatedWith("org.springframework.kafka.annotation.KafkaListener"))))
		.should()
		.beAssignableTo("dev.ordersaga.messaging.replay.ReplayableListener")
		.because("a running group's replay seeks through the listener's seek callbacks");

	/**
	 * Repositories query by derived methods or SQL ({@code @NativeQuery}), never by a
	 * JPQL string: one JPQL {@code @Query} loads Spring Data's HQL parser, about 12 MiB
	 * of a service's resident memory (docs/benchmarks.md, "Session 20").
	 */
	@ArchTest
	public static final ArchRule repositoriesQueryWithoutJpqlStrings = noMethods().should()
		.beAnnotatedWith("org.springframework.data.jpa.repository.Query")
		.because("a JPQL string costs a parser at start-up and in memory; use @NativeQuery or a derived query")
		.allowEmptyShould(true);

	private SagaArchitecture() {
	}

	private static ArchCondition<JavaClass> onlyDependOnTheirOwnWorld() {
		return new ArchCondition<>(
				"only depend on " + String.join("., ", DOMAIN_MAY_USE) + ". and their own service's packages") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				String service = serviceOf(javaClass.getPackageName());
				for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getBaseComponentType().getPackageName() + ".";
					boolean allowed = target.equals(".") || DOMAIN_MAY_USE.stream().anyMatch(target::startsWith)
							|| (service != null && target.startsWith(service + "."));
					if (!allowed) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}
		};
	}

	/** {@code dev.ordersaga.orderservice} for any package of order-service. */
	private static @Nullable String serviceOf(String packageName) {
		Matcher matcher = SERVICE_PACKAGE.matcher(packageName);
		return matcher.matches() ? matcher.group(1) : null;
	}

}
