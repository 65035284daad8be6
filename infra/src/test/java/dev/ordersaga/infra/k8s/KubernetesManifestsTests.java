package dev.ordersaga.infra.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ordersaga.events.Services;
import dev.ordersaga.events.Topics;
import dev.ordersaga.infra.database.ServiceRoles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Kubernetes manifests agree with the services' real configuration. Each overlay of
 * {@code infra/k8s}, as {@code kubectl kustomize} renders it, runs every service on the
 * ports of its {@code application.yml} with Spring Boot's probes on its management port,
 * with resources, a disruption budget, an autoscaler and a termination grace beyond the
 * graceful shutdown; sets only environment variables that a service reads; and has the
 * Kafka topics, Kafka users and PostgreSQL roles that the code expects.
 */
class KubernetesManifestsTests {

	static final List<String> SERVICES = List.of(Services.ORDER, Services.INVENTORY, Services.PAYMENT,
			Services.NOTIFICATION, Services.ANALYTICS);

	private static final Map<String, RenderedOverlay> RENDERED = new ConcurrentHashMap<>();

	/** Every overlay under infra/k8s/overlays. */
	static Stream<RenderedOverlay> overlays() throws IOException {
		try (Stream<Path> folders = Files.list(RenderedOverlay.REPOSITORY.resolve("infra/k8s/overlays"))) {
			List<String> names = folders.map((folder) -> folder.getFileName().toString()).sorted().toList();
			assertThat(names).as("overlays").contains("local", "prod");
			return names.stream().map((name) -> RENDERED.computeIfAbsent(name, RenderedOverlay::render));
		}
	}

	/** A service's pod in an overlay, with the settings Spring Boot binds there. */
	record Pod(String service, Deployment deployment, Container container, Map<String, String> environment,
			ServiceConfiguration configuration) {

		static List<Pod> of(RenderedOverlay overlay) {
			return SERVICES.stream().map((service) -> {
				Deployment deployment = overlay.deployment(service);
				Container container = RenderedOverlay.container(deployment);
				Map<String, String> environment = overlay.environment(container);
				return new Pod(service, deployment, container, environment,
						ServiceConfiguration.of(service, environment));
			}).toList();
		}

		PodSpec spec() {
			return this.deployment.getSpec().getTemplate().getSpec();
		}

		Map<String, String> labels() {
			return this.deployment.getSpec().getTemplate().getMetadata().getLabels();
		}

		int port(String name) {
			return this.container.getPorts()
				.stream()
				.filter((port) -> name.equals(port.getName()))
				.map(ContainerPort::getContainerPort)
				.findFirst()
				.orElseThrow(() -> new AssertionError(this.service + " has no container port named " + name));
		}

		/** A port given by name or number, as a number. */
		int resolve(IntOrString port) {
			return (port.getIntVal() != null) ? port.getIntVal() : port(port.getStrVal());
		}

		SecretKeySelector secret(String variable) {
			return this.container.getEnv()
				.stream()
				.filter((env) -> variable.equals(env.getName()))
				.map(EnvVar::getValueFrom)
				.filter(Objects::nonNull)
				.map(EnvVarSource::getSecretKeyRef)
				.filter(Objects::nonNull)
				.findFirst()
				.orElseThrow(() -> new AssertionError(this.service + " does not take " + variable + " from a Secret"));
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyServiceListensOnThePortsOfItsApplicationYml(RenderedOverlay overlay) {
		for (Pod pod : Pod.of(overlay)) {
			assertThat(pod.port("http")).as(pod.service() + " API port")
				.isEqualTo(pod.configuration().port("server.port"));
			assertThat(pod.port("management")).as(pod.service() + " management port")
				.isEqualTo(pod.configuration().port("management.server.port"));
			Service service = overlay.one(Service.class, pod.service());
			assertThat(selects(service.getSpec().getSelector(), pod.labels()))
				.as(pod.service() + " Service selects its pods")
				.isTrue();
			assertThat(service.getSpec().getPorts()).as(pod.service() + " Service's ports")
				.extracting((port) -> pod.resolve(port.getTargetPort()))
				.containsExactly(pod.port("http"));
			assertThat(pod.container().getImage()).as(pod.service() + " image")
				.matches("(.+/)?" + Pattern.quote(pod.service()) + ":[\\w.-]+");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void probesAskSpringBootsHealthGroupsOnTheManagementPort(RenderedOverlay overlay) {
		for (Pod pod : Pod.of(overlay)) {
			ServiceConfiguration configuration = pod.configuration();
			assertThat(configuration.require("management.endpoint.health.probes.enabled")).isEqualTo("true");
			assertThat(configuration.require("management.endpoint.health.group.readiness.include").split(","))
				.as(pod.service() + " readiness group")
				.contains("db", "kafka");
			assertThat(configuration.require("management.server.address"))
				.as(pod.service() + " management address, which the kubelet must reach")
				.isNotIn("127.0.0.1", "localhost", "::1");
			assertProbe(pod, "startup", pod.container().getStartupProbe(), "/actuator/health/liveness");
			assertProbe(pod, "liveness", pod.container().getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(pod, "readiness", pod.container().getReadinessProbe(), "/actuator/health/readiness");
		}
	}

	private static void assertProbe(Pod pod, String kind, Probe probe, String path) {
		assertThat(probe).as(pod.service() + " " + kind + " probe").isNotNull();
		HTTPGetAction get = probe.getHttpGet();
		assertThat(get).as(pod.service() + " " + kind + " probe over HTTP").isNotNull();
		assertThat(get.getPath()).as(pod.service() + " " + kind + " probe's path").isEqualTo(path);
		assertThat(pod.resolve(get.getPort())).as(pod.service() + " " + kind + " probe's port")
			.isEqualTo(pod.configuration().port("management.server.port"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void onlyTheMonitoringNamespaceReachesTheManagementPort(RenderedOverlay overlay) {
		for (Pod pod : Pod.of(overlay)) {
			int management = pod.port("management");
			for (Service service : overlay.all(Service.class)) {
				if (selects(service.getSpec().getSelector(), pod.labels())) {
					assertThat(service.getSpec().getPorts()).as("ports of Service " + service.getMetadata().getName())
						.extracting(ServicePort::getTargetPort)
						.noneMatch((port) -> pod.resolve(port) == management);
				}
			}
			List<NetworkPolicy> policies = overlay.all(NetworkPolicy.class)
				.stream()
				.filter((policy) -> policy.getSpec().getPolicyTypes().contains("Ingress"))
				.filter((policy) -> selects(policy.getSpec().getPodSelector(), pod.labels()))
				.toList();
			assertThat(policies).as("NetworkPolicies that restrict ingress to " + pod.service()).isNotEmpty();
			for (NetworkPolicy policy : policies) {
				for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
					if (admits(pod, rule, management)) {
						assertThat(rule.getFrom())
							.as(policy.getMetadata().getName() + " admits anyone to the management port of "
									+ pod.service())
							.isNotEmpty();
					}
				}
			}
		}
	}

	private static boolean admits(Pod pod, NetworkPolicyIngressRule rule, int port) {
		return rule.getPorts().isEmpty() || rule.getPorts()
			.stream()
			.map(NetworkPolicyPort::getPort)
			.anyMatch((admitted) -> admitted == null || pod.resolve(admitted) == port);
	}

	private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
	}

	private static boolean selects(LabelSelector selector, Map<String, String> labels) {
		assertThat(selector.getMatchExpressions()).as("match expressions (teach this test to read them)").isEmpty();
		return selects(selector.getMatchLabels(), labels);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyContainerHasRequestsAndLimits(RenderedOverlay overlay) {
		for (Deployment deployment : overlay.all(Deployment.class)) {
			for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
				ResourceRequirements resources = container.getResources();
				String name = deployment.getMetadata().getName() + "/" + container.getName();
				assertThat(resources.getRequests()).as(name + " requests").containsKeys("cpu", "memory");
				assertThat(resources.getLimits()).as(name + " limits").containsKeys("cpu", "memory");
				assertThat(Quantity.getAmountInBytes(resources.getLimits().get("memory")))
					.as(name + " memory limit against its request")
					.isGreaterThanOrEqualTo(Quantity.getAmountInBytes(resources.getRequests().get("memory")));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void servicesRunAsTheImagesUserWhichIsNotRoot(RenderedOverlay overlay) throws Exception {
		Matcher user = Pattern.compile("(?m)^USER (\\d+)(?::(\\d+))?$")
			.matcher(Files.readString(RenderedOverlay.REPOSITORY.resolve("infra/image/Dockerfile")));
		assertThat(user.find()).as("a numeric USER in infra/image/Dockerfile").isTrue();
		long uid = Long.parseLong(user.group(1));
		assertThat(uid).as("the image's user").isNotZero();
		for (Pod pod : Pod.of(overlay)) {
			assertThat(pod.spec().getSecurityContext().getRunAsNonRoot()).as(pod.service() + " runAsNonRoot").isTrue();
			assertThat(pod.spec().getSecurityContext().getRunAsUser()).as(pod.service() + " runAsUser").isEqualTo(uid);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void podsAreGivenLongerToStopThanSpringBootsGracefulShutdown(RenderedOverlay overlay) {
		for (Pod pod : Pod.of(overlay)) {
			assertThat(pod.configuration().require("server.shutdown")).as(pod.service() + " server.shutdown")
				.isEqualTo("graceful");
			Duration shutdown = pod.configuration().duration("spring.lifecycle.timeout-per-shutdown-phase");
			Duration preStop = Duration.ZERO;
			if (pod.container().getLifecycle() != null && pod.container().getLifecycle().getPreStop() != null) {
				assertThat(pod.container().getLifecycle().getPreStop().getSleep())
					.as(pod.service() + " preStop (a sleep, whose length this test knows)")
					.isNotNull();
				preStop = Duration.ofSeconds(pod.container().getLifecycle().getPreStop().getSleep().getSeconds());
			}
			assertThat(Duration.ofSeconds(pod.spec().getTerminationGracePeriodSeconds()))
				.as(pod.service() + " terminationGracePeriodSeconds against the preStop sleep (%s) and the shutdown "
						+ "phase (%s)", preStop, shutdown)
				.isGreaterThan(preStop.plus(shutdown));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void aDisruptionBudgetAndAnAutoscalerCoverEveryService(RenderedOverlay overlay) {
		for (Pod pod : Pod.of(overlay)) {
			assertThat(overlay.all(PodDisruptionBudget.class))
				.filteredOn((budget) -> selects(budget.getSpec().getSelector(), pod.labels()))
				.as("PodDisruptionBudgets of " + pod.service())
				.hasSize(1);
			List<HorizontalPodAutoscaler> autoscalers = overlay.all(HorizontalPodAutoscaler.class)
				.stream()
				.filter((hpa) -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
						&& pod.service().equals(hpa.getSpec().getScaleTargetRef().getName()))
				.toList();
			assertThat(autoscalers).as("HorizontalPodAutoscalers of " + pod.service()).hasSize(1);
			HorizontalPodAutoscaler autoscaler = autoscalers.get(0);
			int partitions = pod.configuration().saga().topics().partitions();
			assertThat(autoscaler.getSpec().getMinReplicas()).as(pod.service() + " minReplicas").isPositive();
			assertThat(autoscaler.getSpec().getMaxReplicas()).as(pod.service() + " maxReplicas, against partitions")
				.isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas())
				.isLessThanOrEqualTo(partitions);
			assertThat(autoscaler.getSpec().getMetrics()).as(pod.service() + " autoscaling metrics").isNotEmpty();
			assertThat(pod.deployment().getSpec().getReplicas())
				.as(pod.service() + " replicas, which its autoscaler owns")
				.isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void everyEnvironmentVariableSetsAPropertyTheServiceReads(RenderedOverlay overlay) {
		assertThat(Pod.of(overlay)
			.stream()
			.flatMap((pod) -> pod.environment().keySet().stream().map((variable) -> pod.service() + ": " + variable)))
			.as("variables that set no property a service reads (Spring Boot's relaxed binding)")
			.filteredOn((variable) -> !PropertyCatalog.INSTANCE.reads(variable.substring(variable.indexOf(' ') + 1)))
			.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void theKafkaTopicsAreThoseTheServicesExpect(RenderedOverlay overlay) {
		List<Pod> pods = Pod.of(overlay);
		Set<Integer> partitions = new HashSet<>();
		for (Pod pod : pods) {
			assertThat(pod.environment()).as(pod.service() + " environment").containsKey("SAGA_TOPICS_PARTITIONS");
			assertThat(pod.configuration().require("spring.kafka.admin.auto-create"))
				.as(pod.service() + " creating topics")
				.isEqualTo("false");
			partitions.add(pod.configuration().saga().topics().partitions());
		}
		assertThat(partitions).as("saga.topics.partitions of the services").hasSize(1);
		Map<String, Integer> topics = new HashMap<>();
		for (GenericKubernetesResource topic : overlay.custom("KafkaTopic")) {
			topics.put(topicName(topic), topic.get("spec", "partitions"));
			assertThat(topic.<Integer>get("spec", "replicas")).as(topicName(topic) + " replicas").isEqualTo(3);
			assertThat(String.valueOf(topic.<Object>get("spec", "config", "min.insync.replicas")))
				.as(topicName(topic) + " min.insync.replicas")
				.isEqualTo("2");
			long retention = Long.parseLong(String.valueOf(topic.<Object>get("spec", "config", "retention.ms")));
			for (Pod pod : pods) {
				assertThat(Duration.ofMillis(retention))
					.as(topicName(topic) + " retention against saga.idempotency.done-ttl of " + pod.service())
					.isLessThanOrEqualTo(pod.configuration().saga().idempotency().doneTtl());
			}
		}
		assertThat(topics).isEqualTo(Topics.partitionsByTopic(partitions.iterator().next()));
	}

	private static String topicName(GenericKubernetesResource topic) {
		String name = topic.get("spec", "topicName");
		return (name != null) ? name : topic.getMetadata().getName();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void kafkaRunsInKraftModeWithThreeBrokersThatRequireALogin(RenderedOverlay overlay) {
		assertThat(overlay.custom("Kafka")).hasSize(1);
		GenericKubernetesResource kafka = overlay.custom("Kafka").get(0);
		String cluster = kafka.getMetadata().getName();
		assertThat(kafka.<Object>get("spec", "zookeeper")).as("ZooKeeper").isNull();
		List<GenericKubernetesResource> pools = overlay.custom("KafkaNodePool");
		assertThat(pools).allSatisfy(
				(pool) -> assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
		assertThat(pools.stream()
			.filter((pool) -> roles(pool).contains("broker"))
			.mapToInt((pool) -> pool.<Integer>get("spec", "replicas"))
			.sum()).as("brokers").isEqualTo(3);
		assertThat(pools).as("node pools with the controller role")
			.anySatisfy((pool) -> assertThat(roles(pool)).contains("controller"));
		assertThat(Stream.concat(overlay.custom("KafkaTopic").stream(), overlay.custom("KafkaUser").stream()))
			.allSatisfy((resource) -> assertThat(resource.getMetadata().getLabels())
				.as(resource.getKind() + " " + resource.getMetadata().getName())
				.containsEntry("strimzi.io/cluster", cluster));
		for (Pod pod : Pod.of(overlay)) {
			Map<String, String> environment = pod.environment();
			String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
			List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
			assertThat(listeners).as("Kafka listeners that " + pod.service() + " reaches with " + bootstrap)
				.filteredOn((listener) -> bootstrap.equals(cluster + "-kafka-bootstrap:" + listener.get("port")))
				.singleElement()
				.satisfies((listener) -> {
					assertThat(GenericKubernetesResource.<Object>get(listener, "tls")).isEqualTo(true);
					assertThat(GenericKubernetesResource.<Object>get(listener, "authentication", "type"))
						.isEqualTo("scram-sha-512");
				});
			assertThat(environment).containsEntry("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL")
				.containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
		}
	}

	private static List<String> roles(GenericKubernetesResource pool) {
		return pool.get("spec", "roles");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void eachServiceLogsInToKafkaAsAUserAllowedOnlyWhatItsCodeDoes(RenderedOverlay overlay) {
		Set<String> topics = overlay.custom("KafkaTopic")
			.stream()
			.map(KubernetesManifestsTests::topicName)
			.collect(Collectors.toSet());
		Map<String, List<String>> writers = new HashMap<>();
		for (Pod pod : Pod.of(overlay)) {
			SecretKeySelector login = pod.secret("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
			assertThat(login.getKey()).isEqualTo("sasl.jaas.config");
			GenericKubernetesResource user = overlay.one(GenericKubernetesResource.class, login.getName());
			assertThat(user.getKind()).isEqualTo("KafkaUser");
			assertThat(user.<Object>get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
			String group = pod.configuration().require("spring.kafka.consumer.group-id");
			List<Acl> acls = Acl.of(user);
			assertThat(acls).as(pod.service() + " groups")
				.filteredOn((acl) -> acl.type().equals("group"))
				.extracting(Acl::name, Acl::patternType)
				.containsExactly(tuple(group, "literal"));
			Set<String> reads = new HashSet<>();
			for (Acl acl : acls) {
				if (!acl.type().equals("topic")) {
					continue;
				}
				if (acl.patternType().equals("literal")) {
					assertThat(topics).as(pod.service() + " ACL on an unknown topic").contains(acl.name());
				}
				else {
					assertThat(topics).as(pod.service() + " ACL on a prefix that no topic has")
						.anyMatch((topic) -> topic.startsWith(acl.name()));
					assertThat(acl.operations()).as(pod.service() + " rights on every topic named " + acl.name() + "*")
						.containsOnly("Describe");
				}
				if (acl.operations().contains("Read")) {
					reads.add(acl.name());
				}
			}
			for (Acl acl : acls) {
				if (acl.type().equals("topic") && acl.operations().contains("Write")) {
					if (acl.name().endsWith(Topics.DLQ_SUFFIX)) {
						assertThat(reads).as(pod.service() + " writes " + acl.name() + " of a topic it reads")
							.contains(acl.name().substring(0, acl.name().length() - Topics.DLQ_SUFFIX.length()));
					}
					else {
						writers.computeIfAbsent(acl.name(), (topic) -> new ArrayList<>()).add(pod.service());
					}
				}
			}
			assertThat(reads).as(pod.service() + " reads " + Topics.CONTROL).contains(Topics.CONTROL);
		}
		for (String topic : Topics.ALL) {
			assertThat(writers.get(topic)).as("services that write " + topic).hasSize(1);
		}
		assertThat(writers.get(Topics.CONTROL)).as("services that answer on " + Topics.CONTROL)
			.containsExactlyInAnyOrderElementsOf(SERVICES);
		assertThat(overlay.custom("KafkaUser")).as("KafkaUsers")
			.extracting((user) -> user.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(Stream.concat(SERVICES.stream(), Stream.of("sagactl")).toList());
	}

	/** One rule of a Strimzi KafkaUser's simple authorization. */
	record Acl(String type, String name, String patternType, List<String> operations) {

		static List<Acl> of(GenericKubernetesResource user) {
			List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
			return acls.stream().map((acl) -> {
				String patternType = GenericKubernetesResource.get(acl, "resource", "patternType");
				List<String> operations = GenericKubernetesResource.get(acl, "operations");
				return new Acl(GenericKubernetesResource.get(acl, "resource", "type"),
						GenericKubernetesResource.get(acl, "resource", "name"),
						(patternType != null) ? patternType : "literal", operations);
			}).toList();
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("overlays")
	void eachServiceConnectsToPostgresqlAsTheRoleThatOwnsItsSchema(RenderedOverlay overlay) {
		assertThat(overlay.custom("Cluster")).hasSize(1);
		GenericKubernetesResource database = overlay.custom("Cluster").get(0);
		List<Map<String, Object>> roles = database.get("spec", "managed", "roles");
		List<String> statements = database.get("spec", "bootstrap", "initdb", "postInitApplicationSQL");
		String url = "jdbc:postgresql://" + database.getMetadata().getName() + "-rw:5432/"
				+ database.<String>get("spec", "bootstrap", "initdb", "database") + "?";
		for (Pod pod : Pod.of(overlay)) {
			String schema = pod.configuration().require("saga.schema");
			String role = ServiceRoles.roleOf(schema);
			SecretKeySelector username = pod.secret("SPRING_DATASOURCE_USERNAME");
			SecretKeySelector password = pod.secret("SPRING_DATASOURCE_PASSWORD");
			assertThat(password.getName()).as(pod.service() + " password's Secret").isEqualTo(username.getName());
			assertThat(roles).as("the managed role " + role)
				.filteredOn((managed) -> role.equals(managed.get("name")))
				.singleElement()
				.satisfies((managed) -> {
					assertThat(GenericKubernetesResource.<Object>get(managed, "login")).isEqualTo(true);
					assertThat(GenericKubernetesResource.<Object>get(managed, "passwordSecret", "name"))
						.as("the Secret of " + role + " and of " + pod.service())
						.isEqualTo(username.getName());
				});
			assertThat(statements).contains("create schema " + schema + " authorization " + role);
			assertThat(pod.configuration().require("spring.datasource.url")).startsWith(url);
		}
	}

}
