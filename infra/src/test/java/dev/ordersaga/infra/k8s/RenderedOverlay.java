package dev.ordersaga.infra.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * One overlay of {@code infra/k8s} as {@code kubectl kustomize} renders it, parsed into
 * Kubernetes objects: the core kinds as fabric8's model classes, Strimzi's and
 * CloudNativePG's as generic resources.
 *
 * @param name the overlay's folder under {@code infra/k8s/overlays}
 * @param resources every object it renders, in order
 */
record RenderedOverlay(String name, List<HasMetadata> resources) {

	/** The repository's root: the first folder up from here that holds infra/k8s. */
	static final Path REPOSITORY = repository();

	static RenderedOverlay render(String name) {
		Path folder = REPOSITORY.resolve("infra/k8s/overlays").resolve(name);
		String yaml = kustomize(folder);
		Object parsed = new KubernetesSerialization().unmarshal(yaml);
		List<HasMetadata> resources = new ArrayList<>();
		if (parsed instanceof List<?> list) {
			list.forEach((resource) -> resources.add((HasMetadata) resource));
		}
		else {
			resources.add((HasMetadata) parsed);
		}
		return new RenderedOverlay(name, List.copyOf(resources));
	}

	private static Path repository() {
		for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
			if (Files.isDirectory(folder.resolve("infra/k8s"))) {
				return folder;
			}
		}
		throw new IllegalStateException("no infra/k8s above " + Path.of("").toAbsolutePath());
	}

	private static String kustomize(Path folder) {
		Process kubectl;
		try {
			kubectl = new ProcessBuilder("kubectl", "kustomize", folder.toString()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"kubectl is needed to render " + folder
							+ " (kubectl kustomize), and was not found on the PATH: install kubectl to run these tests",
					ex);
		}
		try (InputStream output = kubectl.getInputStream()) {
			String text = new String(output.readAllBytes(), StandardCharsets.UTF_8);
			if (!kubectl.waitFor(60, TimeUnit.SECONDS)) {
				kubectl.destroyForcibly();
				throw new IllegalStateException("kubectl kustomize " + folder + " did not finish within 60 s");
			}
			if (kubectl.exitValue() != 0) {
				throw new IllegalStateException("kubectl kustomize " + folder + " failed:\n" + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the output of kubectl kustomize " + folder, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

	<T extends HasMetadata> List<T> all(Class<T> type) {
		return this.resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	List<GenericKubernetesResource> custom(String kind) {
		return all(GenericKubernetesResource.class).stream()
			.filter((resource) -> kind.equals(resource.getKind()))
			.toList();
	}

	<T extends HasMetadata> T one(Class<T> type, String name) {
		List<T> named = all(type).stream().filter((resource) -> name.equals(resource.getMetadata().getName())).toList();
		if (named.size() != 1) {
			throw new AssertionError(this.name + " renders " + named.size() + " " + type.getSimpleName() + " named "
					+ name + ", not one");
		}
		return named.get(0);
	}

	Deployment deployment(String name) {
		return one(Deployment.class, name);
	}

	static Container container(Deployment deployment) {
		List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
		if (containers.size() != 1) {
			throw new AssertionError(
					deployment.getMetadata().getName() + " has " + containers.size() + " containers, not one");
		}
		return containers.get(0);
	}

	/**
	 * The environment of the container, by name: its ConfigMaps' entries, then its own
	 * variables, which win. A value that comes from a Secret or a field is {@code null}
	 * here: only its name is known.
	 */
	Map<String, String> environment(Container container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (EnvFromSource source : container.getEnvFrom()) {
			if (source.getConfigMapRef() == null) {
				throw new AssertionError(container.getName() + " takes variables from something else than a ConfigMap: "
						+ source + "; teach RenderedOverlay to read it");
			}
			one(ConfigMap.class, source.getConfigMapRef().getName()).getData()
				.forEach((key, value) -> environment.put(source.getPrefix() == null ? key : source.getPrefix() + key,
						value));
		}
		for (EnvVar variable : container.getEnv()) {
			environment.put(variable.getName(), variable.getValue());
		}
		return environment;
	}

}
