package dev.ordersaga.orderservice.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The API holds at most {@code server.tomcat.max-connections} connections: one more waits
 * in the socket's backlog, costing the service nothing, until one of them closes. Without
 * the limit, an open-loop client offering 1,000 orders a second held 8,294 connections
 * and filled order-service's heap (docs/benchmarks.md, "Session 21").
 */
@TestPropertySource(properties = "server.tomcat.max-connections=" + ConnectionLimitIntegrationTests.LIMIT)
class ConnectionLimitIntegrationTests extends OrderServiceIntegrationTest {

	static final int LIMIT = 4;

	@LocalServerPort
	private int port;

	@Test
	void aConnectionBeyondTheLimitIsServedOnlyOnceAnotherCloses() throws IOException {
		List<Socket> held = new ArrayList<>();
		try {
			// requests whose headers never end: each holds its connection open
			for (int i = 0; i < LIMIT; i++) {
				Socket socket = new Socket("localhost", this.port);
				send(socket, "GET /orders HTTP/1.1\r\nHost: localhost\r\n");
				held.add(socket);
			}
			try (Socket beyond = new Socket("localhost", this.port)) {
				send(beyond, "GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
				beyond.setSoTimeout(2_000);
				assertThatExceptionOfType(SocketTimeoutException.class).as("an answer beyond the limit")
					.isThrownBy(() -> beyond.getInputStream().read());

				held.remove(0).close();

				beyond.setSoTimeout((int) PATIENCE.toMillis());
				assertThat(statusLine(beyond.getInputStream())).startsWith("HTTP/1.1 401");
			}
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private static void send(Socket socket, String request) throws IOException {
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.append((char) b);
		}
		return line.toString().strip();
	}

}
