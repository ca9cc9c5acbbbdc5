package org.scplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol with the JDK's own WebSocket client:
 * one page, its console errors, uncaught exceptions, network requests and JavaScript dialogs
 * recorded from the first moment, script evaluation and screenshots.
 *
 * <p>Chromium comes from the operating system (Debian's {@code chromium} package); nothing is
 * downloaded. It runs with a fresh user-data directory, no sandbox (containers run as root), no
 * GPU, and with background networking, component updates, sync and QUIC off, so the only traffic is
 * what the page itself asks for.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

  /** A protocol event: its method, parameters and the session it came from. */
  record Event(String method, JsonNode params, String sessionId) {}

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final String session;

  private HeadlessChromium(Process process, WebSocket socket, Listener listener) {
    this.process = process;
    this.socket = socket;
    listener.owner = this;
    ObjectNode target = JSON.createObjectNode().put("url", "about:blank");
    String targetId = call(null, "Target.createTarget", target).path("targetId").asText();
    ObjectNode attach = JSON.createObjectNode().put("targetId", targetId).put("flatten", true);
    this.session = call(null, "Target.attachToTarget", attach).path("sessionId").asText();
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      call(session, domain + ".enable", JSON.createObjectNode());
    }
  }

  /** The Chromium binary: {@code $SCPLAN_CHROMIUM}, else the first of the usual Linux paths. */
  static Path binary() {
    String configured = System.getenv("SCPLAN_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String candidate : CANDIDATES) {
      if (Files.isExecutable(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new AssertionError(
        "The browser test needs Chromium, and none was found at "
            + CANDIDATES
            + ". Install it with `apt-get install -y chromium` (Debian/Ubuntu; `bash scripts/test.sh`"
            + " does so when it is absent), or point SCPLAN_CHROMIUM at a Chromium or Chrome binary.");
  }

  /** Starts Chromium with a fresh profile in {@code profile} and opens one blank page. */
  static HeadlessChromium launch(Path profile, Path log) throws IOException, InterruptedException {
    Files.createDirectories(profile);
    Process process =
        new ProcessBuilder(
                binary().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Chromium exited with code "
                + process.exitValue()
                + " before opening its DevTools port; its output:\n"
                + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new AssertionError("Chromium did not open its DevTools port in " + TIMEOUT);
      }
      Thread.sleep(50);
    }
    List<String> lines = Files.readAllLines(portFile);
    URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
    Listener listener = new Listener();
    try {
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(TIMEOUT)
              .buildAsync(endpoint, listener)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new HeadlessChromium(process, socket, listener);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      process.destroyForcibly();
      throw new AssertionError("Cannot connect to Chromium's DevTools at " + endpoint, e);
    }
  }

  /** Sets the viewport in CSS pixels. */
  void viewport(int width, int height) {
    call(
        session,
        "Emulation.setDeviceMetricsOverride",
        JSON.createObjectNode()
            .put("width", width)
            .put("height", height)
            .put("deviceScaleFactor", 1)
            .put("mobile", false));
  }

  /** Opens {@code url} and waits for its load event. */
  void open(String url) throws InterruptedException {
    int before = events.size();
    opened.add(url);
    call(session, "Page.navigate", JSON.createObjectNode().put("url", url));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    // By index, not through subList: a CopyOnWriteArrayList's subList fails once events arrive.
    while (!loadedSince(before)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The page did not load in " + TIMEOUT + ": " + url);
      }
      Thread.sleep(20);
    }
  }

  private boolean loadedSince(int first) {
    for (int i = first; i < events.size(); i++) {
      if (events.get(i).method().equals("Page.loadEventFired")) {
        return true;
      }
    }
    return false;
  }

  /** Evaluates a JavaScript expression in the page and returns its JSON value. */
  JsonNode evaluate(String expression) {
    JsonNode result =
        call(
            session,
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(
          "The page threw evaluating `" + expression + "`: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Saves a PNG of the whole page (beyond the viewport) to {@code file}. */
  /** Saves what the viewport shows, as a person sees the page on opening it, as PNG. */
  void screenshotOfViewport(Path file) throws IOException {
    ObjectNode parameters = JSON.createObjectNode().put("format", "png");
    String data = call(session, "Page.captureScreenshot", parameters).path("data").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  void screenshot(Path file) throws IOException {
    JsonNode metrics = call(session, "Page.getLayoutMetrics", JSON.createObjectNode());
    JsonNode size = metrics.path("cssContentSize");
    ObjectNode clip =
        JSON.createObjectNode()
            .put("x", 0)
            .put("y", 0)
            .put("width", Math.ceil(size.path("width").asDouble()))
            .put("height", Math.ceil(size.path("height").asDouble()))
            .put("scale", 1);
    ObjectNode parameters =
        JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    parameters.set("clip", clip);
    String data = call(session, "Page.captureScreenshot", parameters).path("data").asText();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(data));
  }

  /** Every event of the page recorded so far whose method satisfies {@code method}. */
  List<Event> events(Predicate<String> method) {
    List<Event> matching = new ArrayList<>();
    for (Event event : events) {
      if (method.test(event.method())
          && (event.sessionId() == null || event.sessionId().equals(session))) {
        matching.add(event);
      }
    }
    return matching;
  }

  /**
   * Console errors, uncaught exceptions and browser log errors (which include Content-Security-
   * Policy violations), each as a readable line.
   */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (Event event : events(m -> true)) {
      switch (event.method()) {
        case "Runtime.consoleAPICalled" -> {
          String type = event.params().path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            errors.add("console." + type + ": " + event.params().path("args"));
          }
        }
        case "Runtime.exceptionThrown" ->
            errors.add("uncaught: " + event.params().path("exceptionDetails"));
        case "Log.entryAdded" -> {
          JsonNode entry = event.params().path("entry");
          if (entry.path("level").asText().equals("error")) {
            errors.add(
                "log (" + entry.path("source").asText() + "): " + entry.path("text").asText());
          }
        }
        case "Page.javascriptDialogOpening" ->
            errors.add("dialog: " + event.params().path("message").asText());
        default -> {
          // Other events are not errors.
        }
      }
    }
    return errors;
  }

  /**
   * URLs of every request other than the documents this test opened: what the pages themselves
   * fetched, or tried to.
   */
  List<String> requestsByPages() {
    List<String> urls = new ArrayList<>(requestedUrls());
    urls.removeIf(opened::contains);
    return urls;
  }

  /** URLs of every request the page made, the document itself included. */
  List<String> requestedUrls() {
    return events(m -> m.equals("Network.requestWillBeSent")).stream()
        .map(e -> e.params().path("request").path("url").asText())
        .toList();
  }

  private JsonNode call(String sessionId, String method, ObjectNode params) {
    int id = nextId.getAndIncrement();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    try {
      socket.sendText(message.toString(), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode response = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new AssertionError("DevTools " + method + " failed: " + response.get("error"));
      }
      return response.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted waiting for DevTools " + method, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("No answer from DevTools " + method + " in " + TIMEOUT, e);
    } finally {
      pending.remove(id);
    }
  }

  private void receive(String text) {
    try {
      JsonNode message = JSON.readTree(text);
      if (message.has("id")) {
        CompletableFuture<JsonNode> reply = pending.get(message.get("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      } else {
        events.add(
            new Event(
                message.path("method").asText(),
                message.path("params"),
                message.has("sessionId") ? message.get("sessionId").asText() : null));
      }
    } catch (IOException e) {
      events.add(new Event("scplan.unreadableMessage", JSON.getNodeFactory().textNode(text), null));
    }
  }

  /** Closes the connection and stops Chromium; keeps the thread's interrupt status. */
  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
      // Chromium's helper processes (zygote, renderers, crash handler) outlive the browser process
      // for a moment and keep writing to the profile; stop them too before the profile is removed.
      List<ProcessHandle> helpers = process.descendants().toList();
      process.destroy();
      for (ProcessHandle helper : helpers) {
        helper.destroy();
      }
      for (ProcessHandle helper : helpers) {
        helper.onExit().get(10, TimeUnit.SECONDS);
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The connection is gone already; Chromium is stopped below.
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  /** Joins WebSocket fragments into messages and hands each to its owner. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();
    private final List<String> early = new ArrayList<>();
    private volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        String text = message.toString();
        message.setLength(0);
        HeadlessChromium receiver = owner;
        synchronized (early) {
          if (receiver == null) {
            early.add(text);
          } else {
            early.forEach(receiver::receive);
            early.clear();
            receiver.receive(text);
          }
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
