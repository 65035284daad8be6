package dev.ordersaga.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document and its JSON Schemas as they ship in the jar ({@code asyncapi/}
 * on the class path), read as trees, with {@code $ref}s followed across files.
 */
final class AsyncApiDocument {

	static final String LOCATION = "asyncapi/asyncapi.yaml";

	private final Map<String, JsonNode> files = new ConcurrentHashMap<>();

	private final JsonNode root = file(LOCATION);

	JsonNode root() {
		return this.root;
	}

	JsonNode channel(String address) {
		return this.root.path("channels").path(address);
	}

	JsonNode message(String name) {
		return this.root.path("components").path("messages").path(name);
	}

	/**
	 * The operations on a channel that do the given action ({@code send},
	 * {@code receive}).
	 */
	List<JsonNode> operations(String channel, String action) {
		String reference = "#/channels/" + channel;
		return this.root.path("operations")
			.values()
			.stream()
			.filter((operation) -> reference.equals(operation.path("channel").path("$ref").asString()))
			.filter((operation) -> action.equals(operation.path("action").asString()))
			.toList();
	}

	/** The schema of a message's payload or headers, with the file it is in. */
	Located schemaOf(JsonNode message, String part) {
		return new Located(LOCATION, message.path(part).path("schema")).resolved(this);
	}

	JsonNode file(String location) {
		return this.files.computeIfAbsent(location, AsyncApiDocument::read);
	}

	/**
	 * Every {@code $ref} in the document and in the files it refers to, each with the
	 * file it is in.
	 */
	List<Located> references() {
		List<Located> references = new ArrayList<>();
		List<String> visited = new ArrayList<>();
		collectReferences(LOCATION, visited, references);
		return references;
	}

	private void collectReferences(String location, List<String> visited, List<Located> references) {
		if (visited.contains(location)) {
			return;
		}
		visited.add(location);
		List<JsonNode> found = new ArrayList<>();
		collect(file(location), found);
		for (JsonNode reference : found) {
			references.add(new Located(location, reference));
			String target = reference.path("$ref").asString();
			if (!target.startsWith("#")) {
				collectReferences(fileOf(location, target), visited, references);
			}
		}
	}

	private static void collect(JsonNode node, List<JsonNode> found) {
		if (node.has("$ref")) {
			found.add(node);
		}
		node.values().forEach((child) -> collect(child, found));
	}

	static String fileOf(String base, String reference) {
		String file = reference.contains("#") ? reference.substring(0, reference.indexOf('#')) : reference;
		return file.isEmpty() ? base : URI.create(base).resolve(file).toString();
	}

	private static JsonNode read(String location) {
		try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(location)) {
			Objects.requireNonNull(in, () -> location + " is not on the class path");
			return location.endsWith(".yaml") ? YAMLMapper.builder().build().readTree(in)
					: JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A node of one of the files: a reference is resolved against that file.
	 *
	 * @param location the file, relative to the class path
	 * @param node the node
	 */
	record Located(String location, JsonNode node) {

		/** The node a {@code $ref} points to, followed until it is no reference. */
		Located resolved(AsyncApiDocument document) {
			Located current = this;
			while (current.node.has("$ref")) {
				String reference = current.node.path("$ref").asString();
				String file = fileOf(current.location, reference);
				String pointer = reference.contains("#") ? reference.substring(reference.indexOf('#') + 1) : "";
				JsonNode target = document.file(file).at(pointer);
				if (target.isMissingNode()) {
					throw new IllegalStateException(reference + " in " + current.location + " points to nothing");
				}
				current = new Located(file, target);
			}
			return current;
		}

		Located child(String... path) {
			JsonNode child = this.node;
			for (String name : path) {
				child = child.path(name);
			}
			return new Located(this.location, child);
		}

	}

}
