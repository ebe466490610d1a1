using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KpiBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnginePorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "blockers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: true),
                    raised_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    resolved_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blockers", x => x.id);
                    table.ForeignKey(
                        name: "fk_blockers_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "channel_links",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    tenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    service_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    team_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    linked_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    linked_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "day_skips",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<string>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_day_skips", x => x.id);
                    table.ForeignKey(
                        name: "fk_day_skips_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recipient_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    work_day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    due_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    message_platform = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    message_tenant = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    message_conversation_id = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    message_service_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    enqueued_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_checkin_entries_person_id_day",
                table: "checkin_entries",
                columns: new[] { "person_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_blockers_open_person_id",
                table: "blockers",
                column: "person_id",
                unique: true,
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_blockers_person_id_day",
                table: "blockers",
                columns: new[] { "person_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_channel_links_platform_tenant_conversation_id",
                table: "channel_links",
                columns: new[] { "platform", "tenant", "conversation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_channel_links_team_id",
                table: "channel_links",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_day_skips_person_id_day",
                table: "day_skips",
                columns: new[] { "person_id", "day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_key",
                table: "deliveries",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_recipient_id_created_at",
                table: "deliveries",
                columns: new[] { "recipient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_state_enqueued_at_created_at",
                table: "deliveries",
                columns: new[] { "state", "enqueued_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blockers");

            migrationBuilder.DropTable(
                name: "channel_links");

            migrationBuilder.DropTable(
                name: "day_skips");

            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_checkin_entries_person_id_day",
                table: "checkin_entries");
        }
    }
}
