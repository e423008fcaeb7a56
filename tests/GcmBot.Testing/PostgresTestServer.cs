using Npgsql;

namespace GcmBot.Testing;

/// <summary>
/// A PostgreSQL server for the tests that run GcmBot on PostgreSQL, named by the GCMBOT_TEST_POSTGRES connection
/// string (.ci/run starts one and sets it). Each test host gets a database of its own, dropped afterwards.
/// </summary>
public static class PostgresTestServer
{
    public const string VariableName = "GCMBOT_TEST_POSTGRES";

    public const string MissingReason =
        "No PostgreSQL server for tests: set GCMBOT_TEST_POSTGRES to a connection string (.ci/run starts one and sets it).";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable => ServerConnectionString is not null;

    /// <summary>Creates an empty database; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(MissingReason);
        var name = "gcmbot_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                // A server process of another role (autovacuum) is still in the database for a moment: wait for it.
                await Task.Delay(500 * attempt);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // Clean-up only: a test database left behind does not make the test that used it wrong.
                return;
            }
        }
    }
}
