package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a local port that a test can cut and restore, to play an outage of the
 * server behind it (PostgreSQL, Redis) without touching the server. While cut, open
 * connections are closed and new ones are closed as soon as they are accepted.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket server;

	private final String targetHost;

	private final int targetPort;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile boolean cut;

	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket();
			this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread.ofVirtual().name("tcp-proxy-accept").start(this::accept);
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Drops every connection and refuses new ones until {@link #restore()}. */
	public void cut() {
		this.cut = true;
		this.open.forEach(TcpProxy::closeQuietly);
		this.open.clear();
	}

	public void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					closeQuietly(client);
					continue;
				}
				Socket target = new Socket(this.targetHost, this.targetPort);
				this.open.add(client);
				this.open.add(target);
				Thread.ofVirtual().start(() -> pump(client, target));
				Thread.ofVirtual().start(() -> pump(target, client));
			}
			catch (IOException ex) {
				// the proxy closed, or the target refused: the client sees a closed
				// connection
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	@Override
	public void close() {
		cut();
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
