using Appliance.Cli;

return await CliApp.RunAsync(args, CliConsole.System);
