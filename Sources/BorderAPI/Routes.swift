/// Every route the API serves. `/openapi.json` documents exactly these (a test checks both ways).
extension BorderAPI {
    static let crossingRoles: Set<Role> = [.officer, .supervisor]

    static let routes: [Route] = [
        Route("POST", "/v1/arrivals", roles: crossingRoles) { api, call throws(APIError) in
            try api.recordCrossing(call, direction: .arrival)
        },
        Route("POST", "/v1/departures", roles: crossingRoles) { api, call throws(APIError) in
            try api.recordCrossing(call, direction: .departure)
        },
        Route("GET", "/v1/travellers", roles: Role.readers) { api, call throws(APIError) in try api.findTraveller(call)
        },
        Route("GET", "/v1/travellers/search", roles: Role.readers) { api, call throws(APIError) in
            try api.searchTravellers(call)
        },
        Route("GET", "/v1/travellers/{stream}/events", roles: Role.readers) { api, call throws(APIError) in
            try api.history(call)
        },
        Route("POST", "/v1/permits", roles: [.visaOfficer]) { api, call throws(APIError) in try api.grantPermit(call) },
        Route("POST", "/v1/permits/refusals", roles: [.visaOfficer]) { api, call throws(APIError) in
            try api.refusePermit(call)
        },
        Route("POST", "/v1/permits/extensions", roles: [.visaOfficer]) { api, call throws(APIError) in
            try api.extendPermit(call)
        },
        Route("POST", "/v1/permits/cancellations", roles: [.visaOfficer]) { api, call throws(APIError) in
            try api.cancelPermit(call)
        },
        Route("POST", "/v1/overstays/flags", roles: [.supervisor]) { api, call throws(APIError) in
            try api.flagOverstay(call)
        },
        Route("POST", "/v1/overstays/clearances", roles: [.supervisor]) { api, call throws(APIError) in
            try api.clearOverstay(call)
        },
        Route("POST", "/v1/corrections", roles: [.supervisor]) { api, call throws(APIError) in
            try api.correctCrossing(call)
        },
        Route("POST", "/v1/voids", roles: [.supervisor]) { api, call throws(APIError) in try api.voidCrossing(call) },
        Route("POST", "/v1/accreditations", roles: [.accreditation]) { api, call throws(APIError) in
            try api.accredit(call)
        },
        Route("POST", "/v1/accreditations/revocations", roles: [.accreditation]) { api, call throws(APIError) in
            try api.revokeAccreditation(call)
        },
        Route("POST", "/v1/accreditations/imports", roles: [.accreditation]) { api, call throws(APIError) in
            try api.importAccreditations(call)
        },
        Route("POST", "/v1/tokens", roles: [.admin]) { api, call throws(APIError) in try api.createToken(call) },
        Route("GET", "/v1/statistics/crossings", roles: Role.readers) { api, call throws(APIError) in
            try api.statistics(call, .crossings)
        },
        Route("GET", "/v1/statistics/permits", roles: Role.readers) { api, call throws(APIError) in
            try api.statistics(call, .permits)
        },
        Route("GET", "/v1/statistics/late-departures", roles: Role.readers) { api, call throws(APIError) in
            try api.statistics(call, .lateDepartures)
        },
        Route("GET", "/v1/statistics/overstays", roles: Role.readers) { api, call throws(APIError) in
            try api.overstayStatistics(call)
        },
        Route("GET", "/v1/delegations", roles: Role.readers) { api, call throws(APIError) in try api.delegations(call)
        },
        Route("GET", "/v1/delegations/{code}", roles: Role.readers) { api, call throws(APIError) in
            try api.delegation(call)
        },
        Route("GET", "/v1/delegates/expected", roles: Role.readers) { api, call throws(APIError) in
            try api.expectedDelegates(call)
        },
        Route("GET", "/health", roles: nil) { api, _ in api.health() },
        Route("GET", "/metrics", roles: nil) { api, _ in api.metricsPage() },
        Route("GET", "/openapi.json", roles: nil) { api, _ in api.openAPI() },
    ]
}
