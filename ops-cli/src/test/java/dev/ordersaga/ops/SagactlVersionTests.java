package dev.ordersaga.ops;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SagactlVersionTests {

	@Test
	void theManifestsImplementationVersionComesFirst() {
		assertThat(SagactlVersion.resolve("1.2.3", "1.2.2")).isEqualTo("1.2.3");
	}

	@Test
	void fallsBackToTheMavenDescriptorInTheJar() {
		String pom = "artifactId=ops-cli\ngroupId=dev.ordersaga\nversion=1.2.3-SNAPSHOT\n";
		assertThat(SagactlVersion.resolve(null,
				SagactlVersion.fromPomProperties(new ByteArrayInputStream(pom.getBytes(StandardCharsets.ISO_8859_1)))))
			.isEqualTo("1.2.3-SNAPSHOT");
	}

	@Test
	void saysSoWhenRunFromClassesWithoutEither() {
		assertThat(SagactlVersion.resolve(null, SagactlVersion.fromPomProperties(null)))
			.isEqualTo(SagactlVersion.UNKNOWN);
	}

	@Test
	void versionOptionPrintsWhatTheProviderFinds() {
		StringWriter out = new StringWriter();
		int exit = Sagactl.commandLine().setOut(new PrintWriter(out)).execute("--version");
		assertThat(exit).isZero();
		assertThat(out.toString()).isEqualTo(new SagactlVersion().getVersion()[0] + System.lineSeparator())
			.startsWith("sagactl ");
	}

}
