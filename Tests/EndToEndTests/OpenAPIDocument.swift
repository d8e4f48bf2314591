import Foundation
import HTTPClient
import JSON

/// The API description as a client generator reads it: its operations, the requests its examples
/// make, and whether an answer has what the documented schema of its status requires.
struct OpenAPIDocument {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    let json: JSON

    init(_ bytes: [UInt8]) throws {
        json = try JSON.parse(bytes)
    }

    /// Every operation, sorted by path and method.
    var operations: [DocumentedOperation] {
        let secured = json["security"]?.arrayValue?.isEmpty == false
        return (json["paths"]?.objectValue ?? [:]).flatMap { path, item in
            (item.objectValue ?? [:]).compactMap { method, spec in
                Self.methods.contains(method)
                    ? DocumentedOperation(
                        method: method.uppercased(), path: path, spec: spec, securedByDefault: secured)
                    : nil
            }
        }
        .sorted { $0.key < $1.key }
    }

    /// A `$ref` inside this document followed to what it names.
    func resolved(_ value: JSON) -> JSON {
        guard let reference = value["$ref"]?.stringValue, reference.hasPrefix("#/") else { return value }
        var target = json
        for part in reference.dropFirst(2).split(separator: "/") { target = target[String(part)] ?? .null }
        return resolved(target)
    }

    /// The request an operation's documented examples make; `pathValues` overrides a path
    /// parameter's example (a stream made earlier).
    func example(of operation: DocumentedOperation, pathValues: [String: String] = [:]) -> ExampleRequest {
        var path = operation.path
        var query = [String]()
        for parameter in (operation.spec["parameters"]?.arrayValue ?? []).map(resolved) {
            guard let name = parameter["name"]?.stringValue, let value = parameter["example"]?.stringValue else {
                continue
            }
            switch parameter["in"]?.stringValue {
            case "path": path = path.replacingOccurrences(of: "{\(name)}", with: pathValues[name] ?? value)
            case "query": query.append("\(name)=\(value)")
            default: continue
            }
        }
        let target = query.isEmpty ? path : path + "?" + query.joined(separator: "&")
        guard let (type, media) = resolved(operation.spec["requestBody"] ?? .null)["content"]?.objectValue?.first
        else {
            return ExampleRequest(method: operation.method, target: target, headers: [], body: [])
        }
        let example = media["example"] ?? .null
        let body = example.stringValue.map { Array($0.utf8) } ?? example.serialized()
        return ExampleRequest(method: operation.method, target: target, headers: [("Content-Type", type)], body: body)
    }

    /// What is wrong with an answer, measured against the documented response of its status: an
    /// undocumented status, or a JSON body lacking a required property or of another type.
    func problems(with response: HTTPClient.Response, to operation: DocumentedOperation) -> [String] {
        guard let documented = operation.spec["responses"]?[String(response.status)].map(resolved) else {
            return ["\(operation.key) answered \(response.status), which is not documented"]
        }
        guard let schema = documented["content"]?["application/json"]?["schema"] else { return [] }
        guard let value = try? JSON.parse(response.body) else { return ["\(operation.key): the body is not JSON"] }
        return problems(in: value, against: schema, at: "\(operation.key) \(response.status) body")
    }

    /// Checks `type`, `enum`, `required`, `properties`, `items`, `additionalProperties` (as a
    /// schema), `allOf` and `oneOf`: enough to see an answer lacks what clients rely on.
    func problems(in value: JSON, against unresolved: JSON, at location: String) -> [String] {
        let schema = resolved(unresolved)
        if let types = schema["type"].map(Self.names), !types.contains(where: { Self.value(value, is: $0) }) {
            return ["\(location) is not \(types.joined(separator: " or "))"]
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            return ["\(location) is not one of the documented values"]
        }
        var found = (schema["allOf"]?.arrayValue ?? []).flatMap { problems(in: value, against: $0, at: location) }
        if let choices = schema["oneOf"]?.arrayValue,
            !choices.contains(where: { problems(in: value, against: $0, at: location).isEmpty })
        {
            found.append("\(location) matches none of its documented forms")
        }
        if let members = value.objectValue {
            found += problems(inMembers: members, against: schema, at: location)
        }
        if let items = schema["items"], let elements = value.arrayValue {
            for (index, element) in elements.enumerated() {
                found += problems(in: element, against: items, at: "\(location)[\(index)]")
            }
        }
        return found
    }

    private func problems(inMembers members: [String: JSON], against schema: JSON, at location: String) -> [String] {
        let properties = schema["properties"]?.objectValue ?? [:]
        var found = [String]()
        for name in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
            found.append("\(location).\(name) is missing")
        }
        for (name, member) in members {
            if let property = properties[name] {
                found += problems(in: member, against: property, at: "\(location).\(name)")
            } else if let other = schema["additionalProperties"], other.objectValue != nil {
                found += problems(in: member, against: other, at: "\(location).\(name)")
            }
        }
        return found
    }

    private static func names(_ type: JSON) -> [String] {
        type.arrayValue?.compactMap(\.stringValue) ?? type.stringValue.map { [$0] } ?? []
    }

    private static func value(_ value: JSON, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("integer", .int), ("number", .int), ("number", .double),
            ("string", .string), ("array", .array), ("object", .object):
            true
        default: false
        }
    }
}

/// One operation of the description.
struct DocumentedOperation {
    let method: String
    let path: String
    let spec: JSON
    let securedByDefault: Bool

    var key: String { "\(method) \(path)" }

    /// The roles in `x-roles`; nil when the operation lists none.
    var roles: Set<String>? { spec["x-roles"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) } }

    /// Whether it needs a token: its own `security`, else the document's.
    var isSecured: Bool { spec["security"].map { $0.arrayValue?.isEmpty == false } ?? securedByDefault }

    var statuses: Set<Int> { Set((spec["responses"]?.objectValue ?? [:]).keys.compactMap { Int($0) }) }

    /// The lowest 2xx status documented: what its example must get.
    var successStatus: Int? { statuses.filter { (200..<300).contains($0) }.min() }
}

/// A request made from documented examples.
struct ExampleRequest {
    var method: String
    var target: String
    var headers: [(String, String)]
    var body: [UInt8]
}

extension HTTPClient {
    func send(_ example: ExampleRequest) throws -> Response {
        try request(example.method, example.target, headers: example.headers, body: example.body)
    }
}
