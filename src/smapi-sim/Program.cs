using FenceZvm.SimulatorHost;

return SimulatorCommand.Run(args);
