{-# LANGUAGE OverloadedStrings #-}
{-# LANGUAGE QuasiQuotes #-}
-- | The main module.
module Main (main, Shape(..), area) where

import qualified Data.Map as M
import Data.List (sortBy, foldl')
import Data.Maybe hiding (fromJust)
import Control.Monad

{- A block comment
   {- nested -}
-}

data Shape = Circle Double | Rect { width :: Double, height :: Double }
  deriving (Show, Eq)

newtype Name = Name String

class Describable a where
  describe :: a -> String

instance Describable Shape where
  describe (Circle r) = "circle of radius " ++ show r
  describe _ = "rectangle"

area :: Shape -> Double
area (Circle r) = pi * r ^ 2
area Rect{..} = width * height

main :: IO ()
main = do
  let shapes = [Circle 1.5, Rect 2 3.0e2]
      total = foldl' (+) 0 (map area shapes)
  forM_ shapes $ \s -> putStrLn (describe s)
  print (total, 0x1F, 0o17, 'x', '\n', '\'', "tab\tend\SOH\^A\1234 \
        \continued")
  mapM_ print [x | x <- [1..10], x `mod` 2 == 0]
  when (total > 10 && not (null shapes)) $ return ()
  let m = M.fromList [(1 :: Int, "one")] in print m
  print [expr|1 + 2|]
  case shapes of
    [] -> return ()
    (x:xs) -> print x
--> not a comment
