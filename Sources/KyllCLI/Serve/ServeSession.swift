import Jekyll
import JekyllPlugins
import Liquid
import Server

/// One run of `kyll serve`: the configuration as `jekyll serve` makes it, the first build, the
/// server, then — until stopped — one rebuild per batch of changes, each followed by a reload of
/// the browsers or, when it failed, the error over the last good pages.
enum ServeSession {
    /// What a caller learns once the site is served (tests serve on port 0).
    struct Ready: Sendable {
        var addresses: SiteServer.Addresses
        var configuration: Configuration
    }

    /// Serves until `stop` is triggered; the exit status (0, or 1 when it could not start).
    static func run(options: BuildOptions, serve given: ServeOverrides, logger: Logger, stop: ServeStop,
                    plugins: [any JekyllPlugin] = JekyllPlugins.all,
                    ready: (@Sendable (Ready) -> Void)? = nil) async -> Int32 {
        logger.adjustVerbosity(quiet: options.quiet, verbose: options.verbose)
        let jekyllEnvironment = FileSystem.environment("JEKYLL_ENV")
        let configuration: Configuration
        do {
            configuration = try ConfigurationLoader(options: options, logger: logger).load()
        } catch {
            report(error, logger: logger, trace: options.trace)
            return 1
        }
        let (settings, problem) = ServeSettings(given.apply(to: configuration, jekyllEnvironment: jekyllEnvironment).hash)
            .validate(logger: logger, given: given)
        if let problem {
            logger.error("", problem)
            return 1
        }
        if settings.detach {
            logger.error("Error:", "--detach is not available in kyll serve; run it in the background with your shell (&).")
            return 1
        }
        if let timezone = configuration.timezone { ProcessTimeZone.set(timezone) }

        // Listen first, so that `url` names the port bound even when port 0 asked for any free one.
        let server = SiteServer(configuration: serverConfiguration(settings, destination: configuration.destination))
        let addresses: SiteServer.Addresses
        do {
            addresses = try await server.start()
        } catch {
            logger.error("Error:", "could not listen on \(settings.host):\(settings.port): \(error)")
            return 1
        }
        let site = given.apply(to: configuration, jekyllEnvironment: jekyllEnvironment, boundPort: addresses.port)
        let rebuilder = SiteRebuilder(configuration: site, plugins: plugins, logger: logger)

        if settings.skipInitialBuild {
            logger.warn("Build Warning:", "Skipping the initial build. This may result in an out-of-date site.")
        } else {
            logger.info("Source:", site.source)
            logger.info("Destination:", site.destination)
            logger.info("Incremental build:", site.incremental ? "enabled" : "disabled. Enable with --incremental")
            logger.info("Generating...")
            do {
                let result = try await RebuildLoop.build(rebuilder)
                logger.info("", "done in \(rubySeconds(result.seconds, digits: 3)) seconds.")
            } catch {
                report(error, logger: logger, trace: options.trace)
                await server.stop()
                return 1
            }
        }

        var loop: RebuildLoop?
        if settings.watch {
            loop = RebuildLoop(rebuilder: rebuilder, server: server, options: options, overrides: given,
                               jekyllEnvironment: jekyllEnvironment, boundPort: addresses.port, logger: logger)
            logger.info("Auto-regeneration:", "enabled for '\(site.source)'")
        } else {
            logger.info("Auto-regeneration:", "disabled. Use --watch to enable.")
        }
        if let port = addresses.liveReloadPort {
            logger.info("LiveReload address:", "http://\(ServeSettings.bracketed(settings.host)):\(port)")
        }
        let address = settings.serverAddress(port: addresses.port)
        logger.info("Server address:", address)
        if settings.openURL { BrowserLauncher.open(address, logger: logger) }
        logger.info("Server running...", "press ctrl-c to stop.")
        ready?(Ready(addresses: addresses, configuration: site))

        var serving = server
        if let loop {
            serving = await loop.run(until: stop)
        } else {
            await stop.wait()
        }
        await serving.stop()
        return 0
    }

    static func serverConfiguration(_ settings: ServeSettings, destination: String) -> ServerConfiguration {
        // A live reload port equal to the site's means one listener for both.
        let liveReload: ServerConfiguration.LiveReload? = settings.livereload
            ? .init(port: settings.livereloadPort == settings.port && settings.port != 0 ? nil : settings.livereloadPort)
            : nil
        return ServerConfiguration(root: destination, host: settings.host, port: settings.port,
                                   baseURL: settings.baseurl ?? "", liveReload: liveReload,
                                   charset: settings.encoding, headers: settings.headers)
    }

    static func report(_ error: any Error, logger: Logger, trace: Bool) {
        if let error = error as? BuildError {
            logger.report(error, trace: trace)
        } else {
            logger.raw(BuildCommand.message(for: error))
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Ruby's `Float#round(digits).to_s` for a duration.
    static func rubySeconds(_ seconds: Double, digits: Int? = nil) -> String {
        guard let digits else { return Value.float(seconds).rubyString }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return Value.float((seconds * scale).rounded() / scale).rubyString
    }
}
