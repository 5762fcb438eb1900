/// The script put into served HTML pages when live reload is on. It connects to the server's live
/// reload WebSocket, speaks the LiveReload protocol (version 7: `hello`, then `reload` commands), and
///
/// - for a `reload` whose path is a stylesheet the page links to, swaps that stylesheet in place
///   (the new one is loaded before the old one is removed, so nothing flashes);
/// - for anything else, reloads the page;
/// - when the connection drops (the server restarted), retries with backoff and reloads once it is
///   back, since the site may have changed meanwhile.
///
/// Its `hello` names the overlay generation the page was served with, so that the server can have
/// a page that missed an overlay change (loaded before it, connected after its broadcast) reload.
enum LiveReloadScript {
    static let webSocketPath = "/livereload"

    /// Where the script connects: `port` nil means the page's own port.
    struct Target: Equatable {
        var port: Int?
    }

    /// A `<script>` element for a page served at `overlayGeneration`.
    static func tag(target: Target, overlayGeneration: UInt64) -> String {
        let portLiteral = target.port.map(String.init) ?? "null"
        return "<script>\n(function () {\nvar livereloadPort = \(portLiteral);\n"
            + "var overlayGeneration = \(overlayGeneration);\n\(body)})();\n</script>\n"
    }

    private static let body = """
        if (window.kyllLiveReload) return;
        var state = window.kyllLiveReload = { connected: false, reloads: 0 };
        var protocol = location.protocol === "https:" ? "wss:" : "ws:";
        var host = location.hostname || "localhost";
        if (host.indexOf(":") >= 0 && host.charAt(0) !== "[") host = "[" + host + "]";
        var port = livereloadPort === null ? location.port : String(livereloadPort);
        var url = protocol + "//" + host + (port ? ":" + port : "") + "\(webSocketPath)";
        var retryDelay = 250, everConnected = false;

        function swapStylesheets(path) {
          var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
          var swapped = 0;
          for (var i = 0; i < links.length; i++) {
            var old = links[i], target = new URL(old.href, location.href);
            if (target.pathname !== path) continue;
            target.searchParams.set("livereload", String(Date.now()));
            var fresh = old.cloneNode(false);
            fresh.href = target.toString();
            fresh.onload = fresh.onerror = (function (previous) {
              return function () { if (previous.parentNode) previous.parentNode.removeChild(previous); };
            })(old);
            old.parentNode.insertBefore(fresh, old.nextSibling);
            swapped++;
          }
          return swapped > 0;
        }

        function handle(message) {
          if (message.command === "hello") {
            state.connected = true;
            if (everConnected) location.reload();
            everConnected = true;
          } else if (message.command === "reload") {
            state.reloads++;
            var path = String(message.path || "");
            if (message.liveCSS && /\\.css$/i.test(path) && swapStylesheets(path)) return;
            location.reload();
          }
        }

        function connect() {
          var socket;
          try { socket = new WebSocket(url); } catch (error) { return retry(); }
          socket.onopen = function () {
            retryDelay = 250;
            socket.send(JSON.stringify({ command: "hello",
              protocols: ["http://livereload.com/protocols/official-7"],
              kyllOverlayGeneration: overlayGeneration }));
          };
          socket.onmessage = function (event) {
            var message;
            try { message = JSON.parse(event.data); } catch (error) { return; }
            handle(message);
          };
          socket.onclose = function () { state.connected = false; retry(); };
        }

        function retry() {
          setTimeout(connect, retryDelay);
          retryDelay = Math.min(retryDelay * 2, 4000);
        }

        connect();

        """
}
