import CMicroHTTPD

#if canImport(Glibc)
    import Glibc
#endif

struct StartedDaemon {
    var daemon: OpaquePointer
    var port: UInt16
}

/// Starts a libmicrohttpd daemon bound to the configured address, answering through `handleAccess`.
func startDaemon(
    configuration: HTTPServer.Configuration,
    handlerContext: UnsafeMutableRawPointer
) throws(HTTPServerError) -> StartedDaemon {
    var address = try makeSocketAddress(host: configuration.host, port: configuration.port)

    // ITC lets `MHD_quiesce_daemon` wake the polling threads for a graceful stop.
    var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ITC.rawValue
    if configuration.logsErrors {
        flags |= MHD_USE_ERROR_LOG.rawValue
    }

    let completed: MHD_RequestCompletedCallback = completeRequest
    let inspect:
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) ->
            UnsafeMutableRawPointer? = inspectTarget
    let (daemon, startErrno) = withUnsafeMutablePointer(to: &address) { addressPointer in
        var options = [
            MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threads, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.connectionLimit, ptr_value: nil),
            MHD_OptionItem(
                option: .PER_IP_CONNECTION_LIMIT, value: configuration.connectionsPerAddress, ptr_value: nil),
            MHD_OptionItem(
                option: .CONNECTION_TIMEOUT,
                value: Int(configuration.connectionTimeoutSeconds),
                ptr_value: nil
            ),
            MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(addressPointer)),
            MHD_OptionItem(
                option: .NOTIFY_COMPLETED,
                value: unsafeBitCast(completed, to: Int.self),
                ptr_value: handlerContext
            ),
            MHD_OptionItem(option: .URI_LOG_CALLBACK, value: unsafeBitCast(inspect, to: Int.self), ptr_value: nil),
            MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
        ]
        return options.withUnsafeMutableBufferPointer { items in
            withVaList([MHD_OPTION.ARRAY.rawValue, items.baseAddress!, MHD_OPTION.END.rawValue]) { arguments in
                let daemon = MHD_start_daemon_va(
                    flags,
                    configuration.port,
                    nil,
                    nil,
                    handleAccess,
                    handlerContext,
                    arguments
                )
                return (daemon, errno)
            }
        }
    }
    guard let daemon else {
        throw HTTPServerError(
            code: .startFailed,
            message: "could not listen on \(configuration.host) port \(configuration.port)",
            systemErrorNumber: startErrno
        )
    }

    let port = bordercore_mhd_bound_port(daemon)
    guard port != 0 else {
        MHD_stop_daemon(daemon)
        throw HTTPServerError(code: .startFailed, message: "could not read the port bound on \(configuration.host)")
    }
    return StartedDaemon(daemon: daemon, port: port)
}

private func makeSocketAddress(host: String, port: UInt16) throws(HTTPServerError) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
        throw HTTPServerError(code: .invalidHost, message: "host is not an IPv4 address: \(host)")
    }
    return address
}
