use clap::CommandFactory;

#[test]
fn the_command_line_is_consistent() {
    super::Cli::command().debug_assert();
}
