using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "goal_imports",
                columns: table => new
                {
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", nullable: false),
                    organization = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goal_imports", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "goal_nodes",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    parent_id = table.Column<string>(type: "TEXT", nullable: true),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    team_id = table.Column<string>(type: "TEXT", nullable: true),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    first_import_version = table.Column<int>(type: "INTEGER", nullable: false),
                    last_import_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goal_nodes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    first_import_version = table.Column<int>(type: "INTEGER", nullable: false),
                    last_import_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "goal_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    node_id = table.Column<string>(type: "TEXT", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    target_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    import_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_goal_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_goal_targets_goal_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "goal_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", nullable: false),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    email_normalized = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    team_id = table.Column<string>(type: "TEXT", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    definition = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    first_import_version = table.Column<int>(type: "INTEGER", nullable: false),
                    last_import_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                    table.ForeignKey(
                        name: "fk_people_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "chat_identities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chat_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_chat_identities_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "checkin_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    value_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    blocker = table.Column<bool>(type: "INTEGER", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_checkin_entries_goal_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "goal_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_checkin_entries_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "time_off",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    first_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    last_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_off", x => x.id);
                    table.ForeignKey(
                        name: "fk_time_off_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "checkin_audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    entry_id = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    node_id = table.Column<string>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    old_value_scaled = table.Column<long>(type: "INTEGER", nullable: true),
                    new_value_scaled = table.Column<long>(type: "INTEGER", nullable: false),
                    old_note = table.Column<string>(type: "TEXT", nullable: true),
                    new_note = table.Column<string>(type: "TEXT", nullable: true),
                    old_blocker = table.Column<bool>(type: "INTEGER", nullable: true),
                    new_blocker = table.Column<bool>(type: "INTEGER", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    changed_by = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_audit", x => x.id);
                    table.ForeignKey(
                        name: "fk_checkin_audit_checkin_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "checkin_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chat_identities_person_id",
                table: "chat_identities",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_chat_identities_platform_tenant_person_id",
                table: "chat_identities",
                columns: new[] { "platform", "tenant", "person_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_identities_platform_tenant_user_id",
                table: "chat_identities",
                columns: new[] { "platform", "tenant", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_checkin_audit_entry_id",
                table: "checkin_audit",
                column: "entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_checkin_audit_person_id_node_id_day",
                table: "checkin_audit",
                columns: new[] { "person_id", "node_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_checkin_entries_node_id_day",
                table: "checkin_entries",
                columns: new[] { "node_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_checkin_entries_person_id_node_id_day",
                table: "checkin_entries",
                columns: new[] { "person_id", "node_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_goal_nodes_parent_id",
                table: "goal_nodes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_goal_nodes_team_id",
                table: "goal_nodes",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_goal_targets_node_id_effective_from",
                table: "goal_targets",
                columns: new[] { "node_id", "effective_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_people_email_normalized",
                table: "people",
                column: "email_normalized",
                unique: true,
                filter: "archived_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_people_team_id",
                table: "people",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_off_person_id_first_day",
                table: "time_off",
                columns: new[] { "person_id", "first_day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chat_identities");

            migrationBuilder.DropTable(
                name: "checkin_audit");

            migrationBuilder.DropTable(
                name: "goal_imports");

            migrationBuilder.DropTable(
                name: "goal_targets");

            migrationBuilder.DropTable(
                name: "time_off");

            migrationBuilder.DropTable(
                name: "checkin_entries");

            migrationBuilder.DropTable(
                name: "goal_nodes");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "teams");
        }
    }
}
