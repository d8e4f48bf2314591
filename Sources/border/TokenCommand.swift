import BorderAPI
import Postgres

/// `border token create|list|revoke`: bearer tokens for the API, run as the database owner or
/// the application role. A token is printed once, when created; only its digest is kept. A name
/// has at most one active token: `create --replace` revokes it and makes the new one at once.
struct TokenCommand {
    enum Action {
        case create(name: String, role: Role, replacing: Bool)
        case list
        case revoke(name: String)
    }

    let action: Action

    init(_ arguments: Arguments) throws(CLIError) {
        var arguments = arguments
        switch arguments.next() {
        case "create":
            guard let roleName = try arguments.option("--role"), let role = Role(rawValue: roleName) else {
                throw CLIError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let name = try arguments.option("--name") ?? role.rawValue
            guard TokenStore.isValidName(name) else {
                throw CLIError("--name must be 1 to 64 letters, digits or . _ @ -")
            }
            action = .create(name: name, role: role, replacing: arguments.flag("--replace"))
        case "list": action = .list
        case "revoke":
            guard let name = try arguments.option("--name") else { throw CLIError("border token revoke needs --name") }
            guard TokenStore.isValidName(name) else {
                throw CLIError("--name must be 1 to 64 letters, digits or . _ @ -")
            }
            action = .revoke(name: name)
        default: throw CLIError("border token needs create, list or revoke")
        }
        try arguments.finish()
    }

    func run() throws {
        let connection = try PostgresConnection(conninfo: Database.conninfo)
        let store = TokenStore()
        switch action {
        case .create(let name, let role, let replacing):
            let issued = try store.issue(name: name, role: role, replacing: replacing, on: connection)
            print(issued.token)
            Log.info(
                "token created name=\(name) role=\(role.rawValue)\(issued.replaced ? " (replaced its token)" : "")")
        case .list:
            for token in try store.list(on: connection) {
                print("\(token.name)\t\(token.role)\t\(token.revoked ? "revoked" : "active")")
            }
        case .revoke(let name):
            guard try store.revoke(name: name, on: connection) > 0 else {
                throw CLIError("no active token is named \(name) (border token list shows them)")
            }
            print("revoked the token of \(name)")
        }
    }
}
