package dev.ordersaga.ops.analytics;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsApiTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private AnalyticsApi analytics;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/analytics/rebuild", (exchange) -> {
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			byte[] body = "{\"readModelRows\":3,\"processedEvents\":5,\"redisMarks\":5,\"partitions\":6}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
		this.analytics = new AnalyticsApi("http://127.0.0.1:" + this.server.getAddress().getPort(), null);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void aForcedRebuildAsksTheServiceToSkipItsRetentionCheck() {
		assertThat(this.analytics.rebuild(true)).isEqualTo(new AnalyticsApi.RebuildReport(3, 5, 5, 6));
		assertThat(this.requests).containsExactly("POST /analytics/rebuild?force=true");
	}

	@Test
	void aPlainRebuildLetsTheServiceCheckRetention() {
		this.analytics.rebuild(false);
		assertThat(this.requests).containsExactly("POST /analytics/rebuild");
	}

}
