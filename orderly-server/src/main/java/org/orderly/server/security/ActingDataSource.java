package org.orderly.server.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands out connections that name who is acting (the setting {@code orderly.actor}): the signed-in principal and the
 * party it acts for, or "server" for the server's own work (demonstration data at start). The database records it on
 * every registry row written and every import run (see migration V10), so that no write is anonymous.
 */
public final class ActingDataSource extends DelegatingDataSource {

    public ActingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return named(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return named(super.getConnection(username, password));
    }

    private static Connection named(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select set_config('orderly.actor', ?, false)")) {
            statement.setString(1, actor());
            statement.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** "name for PARTY", "name", or "server". */
    static String actor() {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (principal == null || principal instanceof AnonymousAuthenticationToken || !principal.isAuthenticated())
            return "server";
        String party = Roles.party(principal);
        return party == null ? principal.getName() : principal.getName() + " for " + party;
    }
}
