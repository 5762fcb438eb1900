classdef Account < handle
    properties (Access = private)
        Balance = 0
    end
    methods
        function obj = Account(initial)
            if nargin > 0
                obj.Balance = initial;
            end
        end
        function deposit(obj, amount)
            arguments
                obj
                amount (1,1) double {mustBePositive}
            end
            obj.Balance = obj.Balance + amount;
        end
    end
end
