package dev.ordersaga.ops;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code sagactl --version}: the version pom.xml gives, as the jar carries it, so that
 * the number is written in one place. The jar's manifest has it as
 * {@code Implementation-Version} (Spring Boot's parent turns those entries on); the Maven
 * descriptor the jar plugin adds is the fallback; run from classes (an IDE, a test) there
 * is neither.
 */
final class SagactlVersion implements IVersionProvider {

	static final String POM_PROPERTIES = "/META-INF/maven/dev.ordersaga/ops-cli/pom.properties";

	static final String UNKNOWN = "(version unknown: not run from its jar)";

	@Override
	public String[] getVersion() {
		return new String[] { "sagactl " + resolve(Sagactl.class.getPackage().getImplementationVersion(),
				fromPomProperties(Sagactl.class.getResourceAsStream(POM_PROPERTIES))) };
	}

	static String resolve(@Nullable String implementationVersion, @Nullable String pomVersion) {
		if (implementationVersion != null && !implementationVersion.isBlank()) {
			return implementationVersion;
		}
		if (pomVersion != null && !pomVersion.isBlank()) {
			return pomVersion;
		}
		return UNKNOWN;
	}

	static @Nullable String fromPomProperties(@Nullable InputStream in) {
		if (in == null) {
			return null;
		}
		try (in) {
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version");
		}
		catch (IOException ex) {
			return null;
		}
	}

}
